using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Watcher_gets_Terminated_when_the_watched_actor_stops()
    {
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(target);
        Sys.Stop(target);
        var terminated = await ExpectTerminatedAsync(target);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task Watching_an_already_dead_actor_yields_exactly_one_Terminated()
    {
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var first = CreateTestProbe();
        first.Watch(target);
        Sys.Stop(target);
        await first.ExpectTerminatedAsync(target);

        Watch(target);
        await ExpectTerminatedAsync(target);

        // Watch twice more: a second watch of the same ref must not produce a second Terminated.
        Watch(target);
        await ExpectTerminatedAsync(target);
        TestActor.Tell("marker");
        await ExpectMsgAsync("marker");
    }

    [Fact]
    public async Task Watch_racing_stop_yields_exactly_one_Terminated_per_watcher()
    {
        const int Rounds = 200;
        var watchers = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
            var stop = Task.Run(() => Sys.Stop(target));
            foreach (var w in watchers)
            {
                w.Watch(target);
            }

            await stop;
            foreach (var w in watchers)
            {
                await w.ExpectTerminatedAsync(target);
            }
        }

        foreach (var w in watchers)
        {
            w.Ref.Tell("end");
            await w.ExpectMsgAsync("end");
        }
    }

    [Fact]
    public async Task WatchWith_delivers_the_custom_message()
    {
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var testActor = TestActor;
        var watcher = Sys.ActorOf(Props.Create(() => new LambdaActor((m, c) =>
        {
            if (m is IActorRef t)
            {
                c.WatchWith(t, "custom gone");
            }
            else
            {
                testActor.Tell(m);
            }
        }, null)));
        watcher.Tell(target, TestActor);
        watcher.Tell("ready", TestActor);
        await ExpectMsgAsync("ready");
        Sys.Stop(target);
        await ExpectMsgAsync("custom gone");
    }

    [Fact]
    public async Task Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var gate = new ManualResetEventSlim();
        var watcher = Sys.ActorOf(Props.Create(() => new UnwatchingActor(target, gate)));
        watcher.Tell("watch", TestActor);
        await ExpectMsgAsync("watching");
        watcher.Tell("block", TestActor);
        await ExpectMsgAsync("blocked");
        Sys.Stop(target);

        // Terminated is queued behind "unwatch" only once the target has stopped.
        var spy = CreateTestProbe();
        spy.Watch(target);
        await spy.ExpectTerminatedAsync(target);
        watcher.Tell("unwatch", TestActor);
        gate.Set();
        watcher.Tell("end", TestActor);
        await ExpectMsgAsync("unwatched");
        await ExpectMsgAsync("end");

        // Anything queued before the second "end" has been processed by the time it is answered.
        watcher.Tell("end", TestActor);
        await ExpectMsgAsync("end");
    }

    [Fact]
    public async Task Unhandled_Terminated_fails_the_watcher_with_DeathPactException()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(LogEvent));
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new PactActor(target)), "pact");
        Watch(watcher);
        watcher.Tell("ping", TestActor);
        await ExpectMsgAsync("pong");
        Sys.Stop(target);
        var log = await events.FishForMessageAsync<LogEvent>(e => e.Cause is DeathPactException);
        Assert.Contains("/user/pact", log.Cause!.Message, StringComparison.Ordinal);
        Assert.Contains("/user/target", log.Cause!.Message, StringComparison.Ordinal);

        // The default strategy stops an actor on DeathPactException.
        await ExpectTerminatedAsync(watcher);
    }

    [Fact]
    public async Task Watching_Nobody_yields_Terminated_without_existence_confirmed()
    {
        Watch(ActorRefs.Nobody);
        var terminated = await ExpectMsgAsync<Terminated>();
        Assert.Same(ActorRefs.Nobody, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    private sealed class UnwatchingActor : ReceiveActor
    {
        public UnwatchingActor(IActorRef target, ManualResetEventSlim gate)
        {
            Receive<string>(s => s == "watch", _ =>
            {
                Context.Watch(target);
                Sender?.Tell("watching");
            });
            Receive<string>(s => s == "block", _ =>
            {
                Sender?.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                Sender?.Tell("unwatched");
            });
            Receive<string>(s => s == "end", _ => Sender?.Tell("end"));
            Receive<Terminated>(t => Sender?.Tell("terminated arrived after unwatch"));
        }
    }

    private sealed class PactActor : ReceiveActor
    {
        public PactActor(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender?.Tell("pong"));
        }
    }
}
