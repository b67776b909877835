using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class BackoffSupervisorTests(ITestOutputHelper output) : TestKit.TestKit(output, new TestKit.TestScheduler())
{
    private TestKit.TestScheduler Time => TestScheduler!;

    private BackoffOptions OnStop(double randomFactor = 0) => BackoffOptions.OnStop(
        Props.Create(() => new ReporterActor(TestActor)), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), randomFactor);

    // Ask timeouts run on the virtual clock here, so every ask is bounded in real time too.
    private static async Task<IActorRef?> CurrentChild(IActorRef supervisor)
        => (await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild).WaitAsync(TestKit.TestKitSettings.DefaultTimeout)).Ref;

    private static async Task<int> RestartCount(IActorRef supervisor)
        => (await supervisor.Ask<BackoffSupervisor.RestartCount>(BackoffSupervisor.GetRestartCount).WaitAsync(TestKit.TestKitSettings.DefaultTimeout)).Count;

    private static async Task StopChild(IActorRef supervisor)
    {
        var child = await CurrentChild(supervisor);
        Assert.NotNull(child);
        child.Tell(PoisonPill.Instance);
    }

    private async Task StopChildAndExpectRestartAfter(IActorRef supervisor, TimeSpan delay)
    {
        await StopChild(supervisor);
        await ExpectMsgAsync("poststop child");
        await AwaitConditionAsync(() => CurrentChild(supervisor).GetAwaiter().GetResult() is null);
        Time.Advance(delay - TimeSpan.FromTicks(1));
        Assert.Null(await CurrentChild(supervisor));
        Time.Advance(TimeSpan.FromTicks(1));
        await ExpectMsgAsync("prestart child");
    }

    [Fact]
    public async Task OnStop_restarts_the_child_after_exponentially_growing_delays_capped_at_max()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop().WithManualReset()), "backoff");
        await ExpectMsgAsync("prestart child");
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(2));
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(4));
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(5));
        Assert.Equal(4, await RestartCount(supervisor));
    }

    [Fact]
    public async Task Random_factor_uses_the_injected_random()
    {
        var options = OnStop(randomFactor: 0.5).WithRandom(new Random(42));
        var expected = BackoffSupervisor.CalculateDelay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0.5, new Random(42));
        Assert.InRange(expected, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("prestart child");
        await StopChildAndExpectRestartAfter(supervisor, expected);
    }

    [Fact]
    public async Task Forwards_messages_to_the_child_keeping_the_sender()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop()));
        await ExpectMsgAsync("prestart child");
        var probe = CreateTestProbe();
        supervisor.Tell("hello", probe.Ref);
        await ExpectMsgAsync("hello");
        Assert.Same(probe.Ref, LastSender);
    }

    [Fact]
    public async Task OnFailure_restarts_a_failed_child_after_backoff()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new ReporterActor(TestActor)), "child", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("prestart child");
        supervisor.Tell(new InvalidOperationException("crash"));
        await ExpectMsgAsync("poststop child");
        await AwaitConditionAsync(() => CurrentChild(supervisor).GetAwaiter().GetResult() is null);
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await CurrentChild(supervisor));
        Time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("prestart child");
        Assert.NotNull(await CurrentChild(supervisor));
    }

    [Fact]
    public async Task OnFailure_supervisor_stops_when_the_child_stops_by_itself()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new ReporterActor(TestActor)), "child", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("prestart child");
        Watch(supervisor);
        await StopChild(supervisor);
        await ExpectMsgAsync("poststop child");
        await ExpectTerminatedAsync(supervisor);
    }

    [Fact]
    public async Task Restart_count_resets_after_the_child_ran_for_the_reset_period()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop().WithAutoReset(TimeSpan.FromSeconds(30))));
        await ExpectMsgAsync("prestart child");
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(2));
        Time.Advance(TimeSpan.FromSeconds(30));
        await AwaitConditionAsync(() => RestartCount(supervisor).GetAwaiter().GetResult() == 0);
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Manual_Reset_message_resets_the_count()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop().WithManualReset()));
        await ExpectMsgAsync("prestart child");
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
        supervisor.Tell(BackoffSupervisor.Reset);
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Gives_up_after_max_retries()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop().WithMaxNrOfRetries(1)));
        await ExpectMsgAsync("prestart child");
        Watch(supervisor);
        await StopChildAndExpectRestartAfter(supervisor, TimeSpan.FromSeconds(1));
        await StopChild(supervisor);
        await ExpectMsgAsync("poststop child");
        await ExpectTerminatedAsync(supervisor);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    [InlineData(40, 5)]
    public void CalculateDelay_doubles_from_min_and_caps_at_max(int restartCount, int expectedSeconds)
    {
        var delay = BackoffSupervisor.CalculateDelay(restartCount, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0, new Random(1));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }
}
