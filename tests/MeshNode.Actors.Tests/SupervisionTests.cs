using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class SupervisionTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private async Task<IActorRef> ChildOf(IActorRef parent, string name)
    {
        parent.Tell((Props.Create(() => new ReporterActor(TestActor)), name), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        await ExpectMsgAsync($"prestart {name}");
        return child;
    }

    private IActorRef Parent(SupervisorStrategy strategy, string name = "parent")
        => Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, strategy)), name);

    [Fact]
    public async Task Resume_keeps_the_state_and_drops_the_failing_message()
    {
        var parent = Parent(new OneForOneStrategy(_ => Directive.Resume));
        parent.Tell((Props.Create(() => new CounterActor()), "counter"), TestActor);
        var counter = await ExpectMsgAsync<IActorRef>();
        counter.Tell("inc");
        counter.Tell(new InvalidOperationException("boom"));
        counter.Tell("inc");
        counter.Tell("get", TestActor);
        await ExpectMsgAsync(2);
    }

    [Fact]
    public async Task Restart_creates_a_new_instance_keeps_the_mailbox_and_drops_the_failing_message()
    {
        var parent = Parent(new OneForOneStrategy(_ => Directive.Restart));
        parent.Tell((Props.Create(() => new CounterActor()), "counter"), TestActor);
        var counter = await ExpectMsgAsync<IActorRef>();
        counter.Tell("inc");
        counter.Tell(new InvalidOperationException("boom"));
        counter.Tell("inc");
        counter.Tell("get", TestActor);
        await ExpectMsgAsync(1);
    }

    [Fact]
    public async Task Restart_calls_PreRestart_with_the_message_and_PostRestart_with_the_reason()
    {
        var parent = Parent(new OneForOneStrategy(_ => Directive.Restart));
        var child = await ChildOf(parent, "kid");
        var boom = new InvalidOperationException("boom");
        child.Tell(boom);
        await ExpectMsgAsync("prerestart kid boom");
        await ExpectMsgAsync("poststop kid");
        await ExpectMsgAsync("postrestart kid boom");
        await ExpectMsgAsync("prestart kid");
        child.Tell("still alive");
        await ExpectMsgAsync("still alive");
    }

    [Fact]
    public async Task Restart_stops_the_children_by_default()
    {
        var parent = Parent(new OneForOneStrategy(_ => Directive.Restart), "grand");
        parent.Tell((Props.Create(() => new ParentActor(TestActor, null)), "middle"), TestActor);
        var middle = await ExpectMsgAsync<IActorRef>();
        var grandchild = await ChildOf(middle, "leaf");
        Watch(grandchild);
        middle.Tell(new InvalidOperationException("boom"));
        await ExpectMsgAsync("poststop leaf");
        await ExpectTerminatedAsync(grandchild);
    }

    [Fact]
    public async Task Stop_directive_stops_the_child()
    {
        var parent = Parent(new OneForOneStrategy(_ => Directive.Stop));
        var child = await ChildOf(parent, "kid");
        Watch(child);
        child.Tell(new InvalidOperationException("boom"));
        await ExpectMsgAsync("poststop kid");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task Escalate_fails_the_parent_whose_supervisor_restarts_it()
    {
        var grand = Parent(new OneForOneStrategy(_ => Directive.Restart), "grand");
        grand.Tell((Props.Create(() => new ReporterActor(TestActor)), "middle-probe"), TestActor);
        await ExpectMsgAsync<IActorRef>();
        await ExpectMsgAsync("prestart middle-probe");
        grand.Tell((Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Escalate))), "middle"), TestActor);
        var middle = await ExpectMsgAsync<IActorRef>();
        var leaf = await ChildOf(middle, "leaf");
        leaf.Tell(new InvalidOperationException("escalated"));

        // The middle actor restarts: its default PreRestart stops the leaf.
        await ExpectMsgAsync("poststop leaf");
        middle.Tell("after", TestActor);
        await ExpectMsgAsync("after");
    }

    [Fact]
    public async Task Escalation_from_a_top_level_actor_reaches_the_user_guardian_which_restarts_it()
    {
        var top = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Escalate))), "top");
        var leaf = await ChildOf(top, "leaf");
        leaf.Tell(new InvalidOperationException("up"));
        await ExpectMsgAsync("poststop leaf");
        top.Tell("top alive", TestActor);
        await ExpectMsgAsync("top alive");
    }

    [Fact]
    public async Task Retries_beyond_the_limit_within_the_window_stop_the_child()
    {
        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("window", new ActorSystemSettings { TimeProvider = time });
        var done = new TaskCompletionSource<int>();
        var probe = system.ActorOf(Props.Create(() => new LambdaActor((m, _) =>
        {
            if (m is Terminated)
            {
                done.TrySetResult(0);
            }
        })));
        var restarts = 0;
        var parent = system.ActorOf(Props.Create(() => new ParentActor(probe, new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart))));
        var child = await parent.Ask<IActorRef>((Props.Create(() => new LambdaActor((m, c) =>
        {
            if (m is Exception ex)
            {
                throw ex;
            }

            c.Sender?.Tell(m);
        }, () => Interlocked.Increment(ref restarts))), "kid"));
        probe.Tell(new LambdaActor.WatchIt(child));
        for (var i = 0; i < 2; i++)
        {
            child.Tell(new InvalidOperationException("fail"));
            Assert.Equal("ok", await child.Ask<string>("ok"));
        }

        // Third failure within the minute: permission denied, the child is stopped.
        child.Tell(new InvalidOperationException("fail"));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, restarts);
    }

    [Fact]
    public async Task Retry_window_restarts_counting_after_it_elapses()
    {
        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("window2", new ActorSystemSettings { TimeProvider = time });
        var parent = system.ActorOf(Props.Create(() => new ParentActor(ActorRefs.Nobody, new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart))));
        var child = await parent.Ask<IActorRef>((Props.Create(() => new LambdaActor((m, c) =>
        {
            if (m is Exception ex)
            {
                throw ex;
            }

            c.Sender?.Tell(m);
        })), "kid"));
        for (var i = 0; i < 3; i++)
        {
            child.Tell(new InvalidOperationException("fail"));
            Assert.Equal("ok", await child.Ask<string>("ok"));
            time.Advance(TimeSpan.FromSeconds(11));
        }
    }

    [Fact]
    public async Task AllForOne_restarts_the_siblings_too()
    {
        var parent = Parent(new AllForOneStrategy(_ => Directive.Restart));
        var a = await ChildOf(parent, "a");
        var b = await ChildOf(parent, "b");
        a.Tell(new InvalidOperationException("a failed"));
        var seen = await ReceiveNAsync(8);
        Assert.Contains("postrestart a a failed", seen);
        Assert.Contains("postrestart b a failed", seen);
        Assert.Contains("prestart b", seen);
        b.Tell("b alive", TestActor);
        await ExpectMsgAsync("b alive");
    }

    [Fact]
    public async Task AllForOne_stop_stops_all_children()
    {
        var parent = Parent(new AllForOneStrategy(_ => Directive.Stop));
        var a = await ChildOf(parent, "a");
        var b = await ChildOf(parent, "b");
        Watch(b);
        a.Tell(new InvalidOperationException("a failed"));
        var messages = await FishForMessageAsync(m => m is Terminated);
        Assert.Same(b, ((Terminated)messages).ActorRef);
    }

    [Theory]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    public void Default_decider_matches_Akka(Type exceptionType, Directive expected)
    {
        var ex = (Exception)Activator.CreateInstance(exceptionType, "x")!;
        Assert.Equal(expected, SupervisorStrategy.DefaultStrategy.Decider(ex));
    }

    [Fact]
    public async Task Failure_in_constructor_stops_the_actor_by_default()
    {
        var actor = Sys.ActorOf(Props.Create<FailingConstructorActor>());
        Watch(actor);
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Props_strategy_overrides_the_actor_strategy()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Restart)))
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop)));
        var child = await ChildOf(parent, "kid");
        Watch(child);
        child.Tell(new InvalidOperationException("boom"));
        await ExpectMsgAsync("poststop kid");
        await ExpectTerminatedAsync(child);
    }

    private sealed class CounterActor : ReceiveActor
    {
        private int _count;

        public CounterActor()
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender?.Tell(_count));
            Receive<Exception>(ex => throw ex);
        }
    }

    private sealed class FailingConstructorActor : ReceiveActor
    {
        public FailingConstructorActor() => throw new InvalidOperationException("cannot start");
    }
}
