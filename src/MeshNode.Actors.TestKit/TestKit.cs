using Xunit;
using Xunit.Abstractions;

namespace MeshNode.Actors.TestKit;

/// <summary>
/// Base class for xunit 2 actor tests: creates an <see cref="ActorSystem"/> (without blocking), a default probe
/// (<see cref="TestActor"/>), and writes log events, dead letters and unhandled messages to the test output.
/// Disposal (xunit's <see cref="IAsyncLifetime"/>) always terminates the system and awaits it.
/// </summary>
public abstract partial class TestKit : IAsyncLifetime
{
    private readonly TestProbe _testActor;
    private readonly List<IDisposable> _subscriptions = [];
    private long _probeCounter;
    private volatile bool _outputClosed;

    /// <summary>Creates the kit with a system named after the test class.</summary>
    /// <param name="output">xunit's output helper; everything the system logs goes there.</param>
    /// <param name="settings">System settings (a <see cref="TestScheduler"/> as TimeProvider gives virtual time).</param>
    /// <param name="systemName">Name of the system (default: the test class name).</param>
    protected TestKit(ITestOutputHelper output, ActorSystemSettings? settings = null, string? systemName = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Output = output;
        settings ??= new ActorSystemSettings();
        var userSink = settings.LogSink;
        settings = settings with
        {
            LogSink = e =>
            {
                userSink?.Invoke(e);
                WriteLine(e.ToString());
            },
        };
        Sys = ActorSystem.Create(systemName ?? GetType().Name, settings);
        _subscriptions.Add(Sys.EventStream.Subscribe<DeadLetter>(d =>
            WriteLine($"[DeadLetter] {Describe(d.Message)} from {d.Sender?.Path.ToString() ?? "no sender"} to {d.Recipient.Path}")));
        _subscriptions.Add(Sys.EventStream.Subscribe<UnhandledMessage>(u =>
            WriteLine($"[Unhandled] {Describe(u.Message)} from {u.Sender?.Path.ToString() ?? "no sender"} at {u.Recipient.Path}")));
        _testActor = CreateTestProbe("testActor");
    }

    /// <summary>Creates the kit with virtual (or other) time.</summary>
    protected TestKit(ITestOutputHelper output, TimeProvider timeProvider)
        : this(output, new ActorSystemSettings { TimeProvider = timeProvider })
    {
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The test's output helper.</summary>
    public ITestOutputHelper Output { get; }

    /// <summary>The virtual clock, when the system was created with a <see cref="TestScheduler"/>; null otherwise.</summary>
    public TestScheduler? TestScheduler => Sys.TimeProvider as TestScheduler;

    /// <summary>The default probe's ref; the kit's Expect methods read its messages.</summary>
    public IActorRef TestActor => _testActor.Ref;

    /// <summary>The default probe.</summary>
    public TestProbe Probe => _testActor;

    /// <summary>The sender of the last message taken from <see cref="TestActor"/>.</summary>
    public IActorRef? LastSender => _testActor.LastSender;

    /// <summary>Creates a probe (a controllable actor under <c>/system</c>).</summary>
    public TestProbe CreateTestProbe(string? name = null)
    {
        return new TestProbe(Sys, name ?? "testProbe-" + Interlocked.Increment(ref _probeCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Creates a top-level actor in <see cref="Sys"/>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Makes <see cref="TestActor"/> watch <paramref name="target"/>.</summary>
    public IActorRef Watch(IActorRef target) => _testActor.Watch(target);

    /// <summary>Makes <see cref="TestActor"/> stop watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target) => _testActor.Unwatch(target);

    /// <summary>Scales a duration by <see cref="TestKitSettings.TimeFactor"/>.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Nothing to do: the system is created (without blocking) in the constructor.</summary>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system and waits for it (up to 10 s times the time factor, then fails).</summary>
    public async Task DisposeAsync()
    {
        var limit = Dilated(TimeSpan.FromSeconds(10));
        try
        {
            await Sys.Terminate().WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            WriteLine($"{Sys} did not terminate within {limit}: an actor is probably blocked.");
            throw;
        }
        finally
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _outputClosed = true;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a line to the test output (ignored once the test has finished).</summary>
    protected void WriteLine(string text)
    {
        if (_outputClosed)
        {
            return;
        }

        try
        {
            Output.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output after the test ended; late log lines are dropped.
            _outputClosed = true;
        }
    }

    private static string Describe(object message) => $"{message.GetType().Name} ({message})";
}
