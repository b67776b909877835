using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MeshNode.Actors;

namespace MeshNode.Benchmarks.Actors;

/// <summary>
/// One pair's round trip latency: one message in flight, <see cref="RoundTrips"/> round trips per operation
/// (OperationsPerInvoke), so Mean is the time of one round trip (two Tells, two mailbox turns). Baseline: the same
/// between two plain tasks over two unbounded channels.
/// </summary>
[MemoryDiagnoser]
[MessagesPerSecondColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RoundTripBenchmarks
{
    private const int RoundTrips = 100_000;

    private static readonly object Ball = new();

    private ActorSystem _system = null!;
    private IActorRef _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("roundtrip");
        var destination = _system.ActorOf(Props.Create(() => new Echo()), "echo");
        _client = _system.ActorOf(Props.Create(() => new Client(destination)), "client");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public void Actors()
    {
        var run = new Run(RoundTrips);
        _client.Tell(run);
        run.Done.Task.Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public void RawChannels()
    {
        var pings = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var pongs = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var echo = Task.Run(() => RawEcho(pings.Reader, pongs.Writer));
        var client = Task.Run(() => RawClient(pongs.Reader, pings.Writer, RoundTrips));
        Task.WaitAll(echo, client);
    }

    private static async Task RawEcho(ChannelReader<object> pings, ChannelWriter<object> pongs)
    {
        while (await pings.WaitToReadAsync().ConfigureAwait(false))
        {
            while (pings.TryRead(out var message))
            {
                pongs.TryWrite(message);
            }
        }
    }

    private static async Task RawClient(ChannelReader<object> pongs, ChannelWriter<object> pings, int roundTrips)
    {
        for (var i = 0; i < roundTrips; i++)
        {
            pings.TryWrite(Ball);
            await pongs.ReadAsync().ConfigureAwait(false);
        }

        pings.Complete();
    }

    private sealed class Run(int roundTrips)
    {
        public int RoundTrips { get; } = roundTrips;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender!.Tell(message, Self);
    }

    private sealed class Client(IActorRef destination) : UntypedActor
    {
        private Run? _run;
        private int _done;

        protected override void OnReceive(object message)
        {
            if (message is Run run)
            {
                _run = run;
                _done = 0;
                destination.Tell(Ball, Self);
                return;
            }

            if (++_done < _run!.RoundTrips)
            {
                destination.Tell(Ball, Self);
            }
            else
            {
                _run.Done.SetResult();
            }
        }
    }
}
