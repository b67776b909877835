using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class ReceiveAsyncTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Mailbox_is_suspended_until_the_async_handler_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));
        actor.Tell("slow", TestActor);
        actor.Tell("fast", TestActor);
        await ExpectMsgAsync("slow started");
        gate.SetResult();
        await ExpectMsgAsync("slow done");
        await ExpectMsgAsync("fast");
    }

    [Fact]
    public async Task Self_Sender_and_context_stay_correct_after_await()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)), "async-context");
        var other = CreateTestProbe();
        actor.Tell("who", TestActor);

        // Another sender's message waits in the mailbox while the first handler awaits.
        actor.Tell("fast", other.Ref);
        gate.SetResult();
        var (self, sender, path) = await ExpectMsgAsync<(IActorRef, IActorRef?, string)>();
        Assert.Same(actor, self);
        Assert.Same(TestActor, sender);
        Assert.Equal("/user/async-context", path);
        await other.ExpectMsgAsync("fast");
    }

    [Fact]
    public async Task Continuations_never_run_concurrently_with_other_work_of_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new YieldingCounterActor()));
        for (var i = 0; i < 200; i++)
        {
            actor.Tell(i);
        }

        actor.Tell("report", TestActor);
        Assert.Equal(Enumerable.Range(0, 200).ToArray(), await ExpectMsgAsync<int[]>(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_faulted_async_handler_is_a_failure_handled_by_supervision()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, new OneForOneStrategy(_ => Directive.Restart))));
        parent.Tell(Props.Create(() => new AsyncActor(Task.CompletedTask)), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        child.Tell("fail-later", TestActor);
        child.Tell("fast", TestActor);
        await ExpectMsgAsync("fast");
        child.Tell("count", TestActor);
        await ExpectMsgAsync(0);
    }

    [Fact]
    public async Task RunTask_in_an_UntypedActor_suspends_the_mailbox_too()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new RunTaskActor(gate.Task)));
        actor.Tell("slow", TestActor);
        actor.Tell("fast", TestActor);
        await ExpectMsgAsync("slow started");
        gate.SetResult();
        await ExpectMsgAsync("slow done");
        await ExpectMsgAsync("fast");
    }

    private sealed class RunTaskActor(Task gate) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "slow")
            {
                RunTask(async () =>
                {
                    Sender?.Tell("slow started");
                    await gate;
                    Sender?.Tell("slow done");
                });
            }
            else
            {
                Sender?.Tell(message);
            }
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        private int _handled;

        public AsyncActor(Task gate)
        {
            ReceiveAsync<string>(s => s == "slow", async _ =>
            {
                Sender?.Tell("slow started");
                await gate;
                Sender?.Tell("slow done");
            });
            ReceiveAsync<string>(s => s == "who", async _ =>
            {
                await gate;
                await Task.Yield();
                Sender?.Tell((Self, Sender, Context.Self.Path.ToString()));
            });
            ReceiveAsync<string>(s => s == "fail-later", async _ =>
            {
                _handled++;
                await Task.Yield();
                throw new InvalidOperationException("async failure");
            });
            Receive<string>(s => s == "count", _ => Sender?.Tell(_handled));
            Receive<string>(s => s == "fast", _ => Sender?.Tell("fast"));
        }
    }

    private sealed class YieldingCounterActor : ReceiveActor
    {
        private readonly List<int> _seen = [];
        private int _inside;

        public YieldingCounterActor()
        {
            ReceiveAsync<int>(async i =>
            {
                if (++_inside != 1)
                {
                    throw new InvalidOperationException("concurrent continuation");
                }

                await Task.Yield();
                _seen.Add(i);
                // A second suspension that resumes from another pool thread: the mailbox must
                // stay suspended across it too.
                await Task.Run(static () => { });
                _inside--;
            });
            Receive<string>(_ => Sender?.Tell(_seen.ToArray()));
        }
    }
}
