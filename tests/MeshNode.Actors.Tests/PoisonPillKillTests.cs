using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class PoisonPillKillTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task PoisonPill_is_processed_in_order_and_later_messages_become_dead_letters()
    {
        var dead = CreateTestProbe();
        Sys.EventStream.Subscribe(dead.Ref, typeof(DeadLetter));
        var reporter = Sys.ActorOf(Props.Create(() => new ReporterActor(TestActor)), "pill");
        await ExpectMsgAsync("prestart pill");
        reporter.Tell("before");
        reporter.Tell(PoisonPill.Instance);
        reporter.Tell("after");
        await ExpectMsgAsync("before");
        await ExpectMsgAsync("poststop pill");
        var letter = await dead.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("after", letter.Message);
        Assert.Same(reporter, letter.Recipient);
    }

    [Fact]
    public async Task Kill_fails_the_actor_with_ActorKilledException_and_the_default_strategy_stops_it()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(LogEvent));
        var reporter = Sys.ActorOf(Props.Create(() => new ReporterActor(TestActor)), "killed");
        await ExpectMsgAsync("prestart killed");
        Watch(reporter);
        reporter.Tell(Kill.Instance);
        var log = await events.FishForMessageAsync<LogEvent>(e => e.Cause is ActorKilledException);
        Assert.Contains("/user/killed", log.Cause!.Message, StringComparison.Ordinal);
        await ExpectMsgAsync("poststop killed");
        await ExpectTerminatedAsync(reporter);
    }

    [Fact]
    public async Task Kill_goes_through_supervision_so_a_restart_strategy_restarts()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Restart))));
        parent.Tell((Props.Create(() => new ReporterActor(TestActor)), "kid"), TestActor);
        var kid = await ExpectMsgAsync<IActorRef>();
        await ExpectMsgAsync("prestart kid");
        kid.Tell(Kill.Instance);
        await ExpectMsgAsync<string>(s => s.StartsWith("prerestart kid", StringComparison.Ordinal));
        await ExpectMsgAsync("poststop kid");
        await ExpectMsgAsync<string>(s => s.StartsWith("postrestart kid", StringComparison.Ordinal));
        await ExpectMsgAsync("prestart kid");
    }
}
