using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class TimerTests(ITestOutputHelper output) : TestKit.TestKit(output, new TestKit.TestScheduler())
{
    private TestKit.TestScheduler Time => TestScheduler!;

    private async Task<IActorRef> StartTimerActor(string name = "timers")
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), name);
        await ExpectMsgAsync("started");
        return actor;
    }

    [Fact]
    public async Task Single_timer_fires_once_after_its_delay_in_virtual_time()
    {
        var actor = await StartTimerActor();
        actor.Tell(new Single("k", "tick", TimeSpan.FromSeconds(5)));
        await Sync(actor);
        Time.Advance(TimeSpan.FromSeconds(4));
        await Sync(actor);
        Time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("tick");
        Time.Advance(TimeSpan.FromSeconds(30));
        await Sync(actor);
        actor.Tell(new IsActive("k"));
        await ExpectMsgAsync(false);
    }

    [Fact]
    public async Task Periodic_timer_fires_every_interval_after_the_initial_delay()
    {
        var actor = await StartTimerActor();
        actor.Tell(new Periodic("p", "beat", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        await Sync(actor);
        Time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("beat");
        Time.Advance(TimeSpan.FromSeconds(6));
        await ExpectMsgAsync("beat");
        await ExpectMsgAsync("beat");
        actor.Tell(new IsActive("p"));
        await ExpectMsgAsync(true);
    }

    [Fact]
    public async Task Cancel_prevents_delivery_even_of_an_already_queued_message()
    {
        var gate = new ManualResetEventSlim();
        var actor = await StartTimerActor();
        actor.Tell(new Single("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell(new Block(gate, CancelKey: "k"), TestActor);
        await ExpectMsgAsync("blocked");

        // Fires while the actor is busy: the firing is queued behind the block, which then cancels the key.
        Time.Advance(TimeSpan.FromSeconds(1));
        actor.Tell("ping", TestActor);
        gate.Set();
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task Restarting_a_key_never_delivers_the_old_message_even_if_already_queued()
    {
        var gate = new ManualResetEventSlim();
        var actor = await StartTimerActor();
        actor.Tell(new Single("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell(new Block(gate, Restart: new Single("k", "new", TimeSpan.FromSeconds(1))), TestActor);
        await ExpectMsgAsync("blocked");
        Time.Advance(TimeSpan.FromSeconds(1));
        actor.Tell("ping", TestActor);
        gate.Set();

        // "old" was queued before "ping": had it been delivered it would arrive first.
        await ExpectMsgAsync("pong");
        Time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("new");
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Restart))));
        parent.Tell((Props.Create(() => new TimerActor(TestActor)), "kid"), TestActor);
        var actor = await ExpectMsgAsync<IActorRef>();
        await ExpectMsgAsync("started");
        actor.Tell(new Periodic("p", "beat", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        actor.Tell(new InvalidOperationException("crash"));
        await ExpectMsgAsync("started");
        Time.Advance(TimeSpan.FromSeconds(5));
        actor.Tell(new IsActive("p"));
        await ExpectMsgAsync(false);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = await StartTimerActor();
        actor.Tell(new Periodic("p", "beat", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await Sync(actor);
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public async Task CancelAll_cancels_every_key()
    {
        var actor = await StartTimerActor();
        actor.Tell(new Single("a", "a", TimeSpan.FromSeconds(1)));
        actor.Tell(new Single("b", "b", TimeSpan.FromSeconds(1)));
        actor.Tell("cancel-all");
        Time.Advance(TimeSpan.FromSeconds(2));
        actor.Tell("ping", TestActor);
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task System_scheduler_tells_once_and_repeatedly_through_the_time_provider()
    {
        var once = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "once");
        var repeated = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "again");
        Time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("again");
        Time.Advance(TimeSpan.FromSeconds(1));
        var both = await ReceiveNAsync(2);
        Assert.Contains("once", both);
        Assert.Contains("again", both);
        repeated.Cancel();
        Assert.True(repeated.IsCancellationRequested);
        Time.Advance(TimeSpan.FromSeconds(5));
        TestActor.Tell("marker");
        await ExpectMsgAsync("marker");
    }

    private async Task Sync(IActorRef actor)
    {
        actor.Tell("ping", TestActor);
        await ExpectMsgAsync("pong");
    }

    private sealed record Single(string Key, string Message, TimeSpan Delay);

    private sealed record Periodic(string Key, string Message, TimeSpan Initial, TimeSpan Interval);

    private sealed record Cancel(string Key);

    private sealed record IsActive(string Key);

    private sealed record Block(ManualResetEventSlim Gate, Single? Restart = null, string? CancelKey = null);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef target)
        {
            Receive<Single>(s => Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<Periodic>(p => Timers.StartPeriodicTimer(p.Key, p.Message, p.Initial, p.Interval));
            Receive<Cancel>(c => Timers.Cancel(c.Key));
            Receive<IsActive>(a => target.Tell(Timers.IsTimerActive(a.Key)));
            Receive<Block>(b =>
            {
                Sender?.Tell("blocked");
                b.Gate.Wait(TimeSpan.FromSeconds(10));
                if (b.CancelKey is { } key)
                {
                    Timers.Cancel(key);
                }

                if (b.Restart is { } r)
                {
                    Timers.StartSingleTimer(r.Key, r.Message, r.Delay);
                }
            });
            Receive<Exception>(ex => throw ex);
            Receive<string>(s => s == "ping", _ => Sender?.Tell("pong"));
            Receive<string>(s => s == "cancel-all", _ => Timers.CancelAll());
            ReceiveAny(m => target.Tell(m));
            target.Tell("started");
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
