using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class ReceiveActorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task First_matching_handler_wins_and_predicates_filter()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MatchingActor()));
        actor.Tell(5, TestActor);
        actor.Tell(50, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(1.5, TestActor);
        await ExpectMsgAsync("small 5");
        await ExpectMsgAsync("int 50");
        await ExpectMsgAsync("first string text");
        await ExpectMsgAsync("any 1.5");
    }

    [Fact]
    public async Task Unmatched_message_is_published_as_UnhandledMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StringOnlyActor()), "strings");
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(UnhandledMessage));
        actor.Tell(42, TestActor);
        var unhandled = await events.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Same(TestActor, unhandled.Sender);
        Assert.Same(actor, unhandled.Recipient);
    }

    [Fact]
    public async Task Become_replaces_and_BecomeStacked_pushes_behaviors()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()));
        actor.Tell("mood", TestActor);
        await ExpectMsgAsync("calm");
        actor.Tell("anger", TestActor);
        actor.Tell("mood", TestActor);
        await ExpectMsgAsync("angry");
        actor.Tell("push", TestActor);
        actor.Tell("mood", TestActor);
        await ExpectMsgAsync("stacked");
        actor.Tell("pop", TestActor);
        actor.Tell("mood", TestActor);
        await ExpectMsgAsync("angry");
    }

    [Fact]
    public async Task Receive_outside_constructor_or_become_fails_the_actor()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(LogEvent));
        var actor = Sys.ActorOf(Props.Create(() => new LateReceiveActor()), "late");
        actor.Tell("add");
        var error = await events.FishForMessageAsync<LogEvent>(e => e.Cause is InvalidOperationException);
        Assert.Contains("/user/late", error.Cause!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntypedActor_handles_in_OnReceive_and_can_leave_messages_unhandled()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new PickyUntypedActor()));
        actor.Tell("hi", TestActor);
        actor.Tell(7, TestActor);
        await ExpectMsgAsync("hi!");
        Assert.Equal(7, (await events.ExpectMsgAsync<UnhandledMessage>()).Message);
    }

    [Fact]
    public async Task Sender_is_null_when_told_without_sender_and_Forward_keeps_the_original_sender()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new ReporterActor(TestActor)));
        await ExpectMsgAsync<string>();
        var forwarder = Sys.ActorOf(Props.Create(() => new ForwardingActor(reporter)));
        reporter.Tell("sender");
        await ExpectMsgAsync<IActorRef>(r => Assert.Same(ActorRefs.Nobody, r));
        var origin = CreateTestProbe();
        forwarder.Tell("sender", origin.Ref);
        await ExpectMsgAsync<IActorRef>(r => Assert.Same(origin.Ref, r));
    }

    [Fact]
    public async Task Child_returns_Nobody_when_absent_and_GetChildren_lists_children()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LambdaActor((m, c) =>
        {
            if (m is "make")
            {
                c.ActorOf(Props.Create(() => new EchoActor()), "a");
                c.ActorOf(Props.Create(() => new EchoActor()), "b");
            }
            else
            {
                c.Sender?.Tell((c.Child("a").Path.Name, c.Child("zzz"), c.GetChildren().Count));
            }
        }, null)));
        actor.Tell("make");
        actor.Tell("query", TestActor);
        var (name, missing, count) = await ExpectMsgAsync<(string, IActorRef, int)>();
        Assert.Equal("a", name);
        Assert.Same(ActorRefs.Nobody, missing);
        Assert.Equal(2, count);
    }

    private sealed class MatchingActor : ReceiveActor
    {
        public MatchingActor()
        {
            Receive<int>(i => i < 10, i => Sender?.Tell($"small {i}"));
            Receive<int>(i => Sender?.Tell($"int {i}"));
            Receive<string>(s => Sender?.Tell($"first string {s}"));
            Receive<string>(s => Sender?.Tell($"second string {s}"));
            ReceiveAny(m => Sender?.Tell($"any {m}"));
        }
    }

    private sealed class StringOnlyActor : ReceiveActor
    {
        public StringOnlyActor() => Receive<string>(_ => { });
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Receive<string>(s => s == "mood", _ => Sender?.Tell("calm"));
            Receive<string>(s => s == "anger", _ => Become(Angry));
        }

        private void Angry()
        {
            Receive<string>(s => s == "mood", _ => Sender?.Tell("angry"));
            Receive<string>(s => s == "push", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "mood", _ => Sender?.Tell("stacked"));
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            }));
        }
    }

    private sealed class LateReceiveActor : ReceiveActor
    {
        public LateReceiveActor() => Receive<string>(_ => Receive<int>(_ => { }));
    }

    private sealed class PickyUntypedActor : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is string s)
            {
                Sender?.Tell(s + "!");
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    private sealed class ForwardingActor : ReceiveActor
    {
        public ForwardingActor(IActorRef target) => ReceiveAny(m => target.Forward(m, Context));
    }
}
