using Xunit.Abstractions;

namespace MeshNode.Actors.TestKit.Tests;

public sealed class TestKitTests(ITestOutputHelper output)
{
    private sealed class Kit(ITestOutputHelper output, ActorSystemSettings? settings = null) : TestKit(output, settings);

    private sealed class Failing : ReceiveActor
    {
        public Failing() => Receive<string>(s => throw new InvalidOperationException(s));
    }

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim gate, TaskCompletionSource entered) => Receive<string>(_ =>
        {
            entered.SetResult();
            gate.Wait(TimeSpan.FromSeconds(30));
        });
    }

    [Fact]
    public async Task Routes_dead_letters_unhandled_messages_and_failures_to_the_output()
    {
        var recording = new RecordingOutput(output);
        var kit = new Kit(recording);
        try
        {
            kit.Sys.DeadLetters.Tell("nobody home");
            kit.Sys.EventStream.Publish(new UnhandledMessage("odd", null, kit.TestActor));
            var failing = kit.ActorOf(Props.Create(() => new Failing()), "failing");
            failing.Tell("kaboom");
            await TestKit.AwaitConditionAsync(() =>
                recording.Lines.Any(l => l.Contains("[DeadLetter]", StringComparison.Ordinal) && l.Contains("nobody home", StringComparison.Ordinal))
                && recording.Lines.Any(l => l.Contains("[Unhandled]", StringComparison.Ordinal))
                && recording.Lines.Any(l => l.Contains("/user/failing", StringComparison.Ordinal) && l.Contains("kaboom", StringComparison.Ordinal)));
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposal_terminates_the_system()
    {
        var kit = new Kit(output);
        await kit.InitializeAsync();
        var actor = kit.ActorOf(Props.Create(() => new Failing()));
        await kit.DisposeAsync();
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => kit.ActorOf(Props.Create(() => new Failing())));
        Assert.NotNull(actor);
    }

    [Fact]
    public async Task A_user_log_sink_still_gets_events()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<LogEvent>();
        var kit = new Kit(output, new ActorSystemSettings { LogSink = seen.Enqueue });
        try
        {
            kit.Sys.Log.Info("hello sink");
            Assert.Contains(seen, e => e.Message == "hello sink");
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task Virtual_time_kit_exposes_its_TestScheduler_while_probes_wait_in_real_time()
    {
        var time = new TestScheduler();
        var kit = new Kit(output, new ActorSystemSettings { TimeProvider = time });
        try
        {
            Assert.Same(time, kit.TestScheduler);
            kit.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromHours(1), kit.TestActor, "later");
            time.Advance(TimeSpan.FromHours(1));
            await kit.ExpectMsgAsync("later");
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposal_waits_for_a_blocked_actor_before_completing()
    {
        using var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kit = new Kit(output);
        var blocking = kit.ActorOf(Props.Create(() => new Blocking(gate, entered)));
        blocking.Tell("block");
        await entered.Task.WaitAsync(TestKitSettings.DefaultTimeout);
        var terminating = kit.Sys.Terminate();
        Assert.False(terminating.IsCompleted);
        gate.Set();
        await kit.DisposeAsync();
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
    }
}
