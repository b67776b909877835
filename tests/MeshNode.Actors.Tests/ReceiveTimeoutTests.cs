using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class ReceiveTimeoutTests(ITestOutputHelper output) : TestKit.TestKit(output, new TestKit.TestScheduler())
{
    [Fact]
    public async Task ReceiveTimeout_fires_after_idle_time_and_is_reset_by_messages()
    {
        var time = TestScheduler!;
        var actor = Sys.ActorOf(Props.Create(() => new IdleActor(TestActor)));
        await ExpectMsgAsync("ready");
        time.Advance(TimeSpan.FromSeconds(4));
        actor.Tell("activity", TestActor);
        await ExpectMsgAsync("activity");

        // The timeout restarts after the handler returns; a quiet message answered proves that has happened.
        actor.Tell(new Quiet(), TestActor);
        await ExpectMsgAsync("quiet");

        // 4 s after the activity: still within the 5 s timeout it restarted.
        time.Advance(TimeSpan.FromSeconds(4));
        actor.Tell(new Quiet(), TestActor);
        await ExpectMsgAsync("quiet");
        time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync<ReceiveTimeout>();

        // It keeps firing while idle.
        time.Advance(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task Setting_null_turns_the_receive_timeout_off()
    {
        var time = TestScheduler!;
        var actor = Sys.ActorOf(Props.Create(() => new IdleActor(TestActor)));
        await ExpectMsgAsync("ready");
        actor.Tell("off", TestActor);
        await ExpectMsgAsync("off");
        time.Advance(TimeSpan.FromMinutes(1));
        actor.Tell("activity", TestActor);
        await ExpectMsgAsync("activity");
    }

    private sealed record Quiet : INotInfluenceReceiveTimeout;

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor(IActorRef target)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(5));
            Receive<ReceiveTimeout>(t => target.Tell(t));
            Receive<Quiet>(_ => target.Tell("quiet"));
            Receive<string>(s => s == "off", s =>
            {
                Context.SetReceiveTimeout(null);
                target.Tell(s);
            });
            ReceiveAny(m => target.Tell(m));
            target.Tell("ready");
        }
    }
}
