using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MeshNode.Actors;

namespace MeshNode.Benchmarks.Actors;

/// <summary>
/// Akka.NET's PingPong shape: 2 x cores client/destination pairs, each client keeps 1,000 messages in flight (sends
/// 1,000, then one more per reply until its quota is sent). A message is counted each way (ping and pong), as Akka
/// counts it; OperationsPerInvoke is the total, so Mean is the time per message and the Msg/s column the rate.
/// Baseline: the same shape over raw unbounded channels between plain tasks (one channel per direction per pair).
/// </summary>
[MemoryDiagnoser]
[MessagesPerSecondColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PingPongBenchmarks
{
    private const int InFlight = 1_000;
    private const int RoundTripsPerClient = 250_000;

    private static readonly int Pairs = Environment.ProcessorCount * 2;

    /// <summary>Messages per invocation: pings plus pongs over all pairs.</summary>
    private static readonly int TotalMessages = Pairs * RoundTripsPerClient * 2;

    private static readonly object Ball = new();

    private ActorSystem _system = null!;
    private IActorRef[] _clients = [];

    /// <summary>ActorSystemSettings.Throughput: messages per actor turn.</summary>
    [Params(1, 10, 30, 100)]
    public int Throughput { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // OperationsPerInvoke must be a constant: fail fast if this machine's core count changes the total.
        if (TotalMessages != 2_000_000)
        {
            throw new InvalidOperationException($"OperationsPerInvoke assumes 2 cores; this machine has {Environment.ProcessorCount}.");
        }

        _system = ActorSystem.Create("pingpong", new ActorSystemSettings { Throughput = Throughput });
        _clients = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var destination = _system.ActorOf(Props.Create(() => new Destination()), $"destination-{i}");
            _clients[i] = _system.ActorOf(Props.Create(() => new Client(destination)), $"client-{i}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = 2_000_000 /* = TotalMessages on 2 cores, checked in Setup */)]
    public void Actors()
    {
        var runs = new Task[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var run = new Run(RoundTripsPerClient);
            runs[i] = run.Done.Task;
            _clients[i].Tell(run);
        }

        Task.WaitAll(runs);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2_000_000)]
    public void RawChannels()
    {
        var tasks = new Task[Pairs * 2];
        for (var i = 0; i < Pairs; i++)
        {
            var pings = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var pongs = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            tasks[2 * i] = Task.Run(() => RawDestination(pings.Reader, pongs.Writer));
            tasks[(2 * i) + 1] = Task.Run(() => RawClient(pongs.Reader, pings.Writer, RoundTripsPerClient));
        }

        Task.WaitAll(tasks);
    }

    private static async Task RawDestination(ChannelReader<object> pings, ChannelWriter<object> pongs)
    {
        while (await pings.WaitToReadAsync().ConfigureAwait(false))
        {
            while (pings.TryRead(out var message))
            {
                pongs.TryWrite(message);
            }
        }

        pongs.Complete();
    }

    private static async Task RawClient(ChannelReader<object> pongs, ChannelWriter<object> pings, int quota)
    {
        var sent = 0;
        var received = 0;
        for (; sent < InFlight && sent < quota; sent++)
        {
            pings.TryWrite(Ball);
        }

        while (received < quota && await pongs.WaitToReadAsync().ConfigureAwait(false))
        {
            while (pongs.TryRead(out _))
            {
                received++;
                if (sent < quota)
                {
                    pings.TryWrite(Ball);
                    sent++;
                }
            }
        }

        pings.Complete();
    }

    private sealed class Run(int quota)
    {
        public int Quota { get; } = quota;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Destination : UntypedActor
    {
        protected override void OnReceive(object message) => Sender!.Tell(message, Self);
    }

    private sealed class Client(IActorRef destination) : UntypedActor
    {
        private Run? _run;
        private int _sent;
        private int _received;

        protected override void OnReceive(object message)
        {
            if (message is Run run)
            {
                _run = run;
                _sent = 0;
                _received = 0;
                for (; _sent < InFlight && _sent < run.Quota; _sent++)
                {
                    destination.Tell(Ball, Self);
                }

                return;
            }

            _received++;
            if (_sent < _run!.Quota)
            {
                destination.Tell(Ball, Self);
                _sent++;
            }
            else if (_received == _run.Quota)
            {
                _run.Done.SetResult();
            }
        }
    }
}
