using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class StashTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell("open");
        actor.Tell("c", TestActor);
        Assert.Equal(["a", "b", "c"], await ReceiveNAsync(3));
        Assert.Same(TestActor, LastSender);
    }

    [Fact]
    public async Task Unstash_returns_only_the_oldest_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("one");
        await ExpectMsgAsync("a");
        actor.Tell("count", TestActor);
        await ExpectMsgAsync(1);
    }

    [Fact]
    public async Task Stash_is_returned_to_the_mailbox_on_restart()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Restart))));
        parent.Tell((Props.Create(() => new GateActor(TestActor)), "gate"), TestActor);
        var actor = await ExpectMsgAsync<IActorRef>();
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new InvalidOperationException("crash"));

        // The new instance starts closed again, so the returned messages are stashed again; opening replays them.
        actor.Tell("open");
        await ExpectMsgAsync("a");
        await ExpectMsgAsync("b");
    }

    [Fact]
    public async Task Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var dead = CreateTestProbe();
        Sys.EventStream.Subscribe(dead.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("kept");
        actor.Tell(PoisonPill.Instance);
        Assert.Equal("kept", (await dead.ExpectMsgAsync<DeadLetter>()).Message);
    }

    private sealed class GateActor : ReceiveActor, IWithStash
    {
        public GateActor(IActorRef target)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(m => target.Tell(m, Sender)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "one", _ =>
            {
                Become(() => Receive<string>(m => m == "count", _ => target.Tell(Stash.Count)));
                BecomeStacked(() => ReceiveAny(m =>
                {
                    target.Tell(m);
                    UnbecomeStacked();
                }));
                Stash.Unstash();
            });
            Receive<Exception>(ex => throw ex);
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }
}
