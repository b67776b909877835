using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class GuardianTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task A_guardian_strategy_that_escalates_terminates_the_system()
    {
        var system = ActorSystem.Create("escalating", new ActorSystemSettings
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        });
        var failing = system.ActorOf(Props.Create(() => new LambdaActor((m, _) => throw new InvalidOperationException("fatal"), null)));
        failing.Tell("go");
        await system.WhenTerminated.WaitAsync(TestKit.TestKitSettings.DefaultTimeout);
    }

    [Fact]
    public async Task Logger_events_carry_the_actor_path_as_source()
    {
        var logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs.Ref, typeof(LogEvent));
        var actor = Sys.ActorOf(Props.Create(() => new LambdaActor((m, c) => c.GetLogger().Warning($"saw {m}"), null)), "logger");
        actor.Tell("thing");
        var log = await logs.FishForMessageAsync<LogEvent>(e => e.Message == "saw thing");
        Assert.Equal("/user/logger", log.Source);
        Assert.Equal(LogLevel.Warning, log.Level);
    }

    [Fact]
    public async Task Debug_events_are_not_published_below_the_configured_level()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<LogEvent>();
        await using var system = ActorSystem.Create("levels", new ActorSystemSettings { LogLevel = LogLevel.Info, LogSink = seen.Enqueue });
        system.Log.Debug("hidden");
        system.Log.Info("shown");
        Assert.False(system.Log.IsEnabled(LogLevel.Debug));
        Assert.Equal(["shown"], seen.Select(e => e.Message));
    }

    [Fact]
    public async Task Scheduler_runs_a_one_off_action_unless_cancelled()
    {
        var ran = new TaskCompletionSource();
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(1), ran.SetResult);
        await ran.Task.WaitAsync(TestKit.TestKitSettings.DefaultTimeout);

        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("sched", new ActorSystemSettings { TimeProvider = time });
        var count = 0;
        var cancelable = system.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => count++);
        cancelable.Cancel();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Ask_to_Nobody_fails_at_once()
    {
        await Assert.ThrowsAsync<AskTimeoutException>(() => ActorRefs.Nobody.Ask<string>("x"));
    }
}
