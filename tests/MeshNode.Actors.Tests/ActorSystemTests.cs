using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class ActorSystemTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Delivers_a_told_message_with_its_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        echo.Tell("hello", TestActor);
        await ExpectMsgAsync("hello");
        Assert.Same(echo, LastSender);
    }

    [Fact]
    public void Top_level_actor_paths_are_under_user()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor2>(), "node");
        Assert.Equal("/user/node", echo.Path.ToString());
        Assert.Equal(["user", "node"], echo.Path.Elements);
    }

    [Fact]
    public async Task Child_paths_nest_under_their_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, null)), "node");
        parent.Tell((Props.Create(() => new EchoActor()), "links"), TestActor);
        var links = await ExpectMsgAsync<IActorRef>();
        Assert.Equal("/user/node/links", links.Path.ToString());
    }

    [Fact]
    public async Task Generated_names_are_unique_and_start_with_dollar()
    {
        var a = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var b = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
        a.Tell(1, TestActor);
        await ExpectMsgAsync(1);
    }

    [Fact]
    public void Duplicate_child_name_throws_with_the_name_and_parent_path()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "twin");
        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "twin"));
        Assert.Contains("'twin'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/user", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("sp ace")]
    public void Invalid_names_are_rejected(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), name));
    }

    [Fact]
    public async Task Name_is_free_again_after_the_actor_stopped()
    {
        var first = Sys.ActorOf(Props.Create(() => new EchoActor()), "reused");
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        await AwaitAssertAsync(() =>
        {
            var second = Sys.ActorOf(Props.Create(() => new EchoActor()), "reused");
            Assert.NotSame(first, second);
        });
    }

    [Fact]
    public async Task Props_by_type_passes_constructor_arguments()
    {
        var reporter = Sys.ActorOf(Props.Create(typeof(ReporterActor), TestActor), "by-type");
        await ExpectMsgAsync("prestart by-type");
        Assert.Equal(typeof(ReporterActor), Props.Create(typeof(ReporterActor), TestActor).ActorType);
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
        reporter.Tell("x");
        await ExpectMsgAsync("x");
    }

    [Fact]
    public void Actors_cannot_be_constructed_with_new()
    {
        Assert.Throws<ActorInitializationException>(() => new EchoActor());
    }

    [Fact]
    public async Task Keeps_order_per_sender_under_load_from_many_senders()
    {
        const int Senders = 8;
        const int PerSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderCheckActor(Senders * PerSender)), "checker");
        checker.Tell(new OrderCheckActor.Report(), TestActor);
        var threads = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                checker.Tell(new OrderCheckActor.Item(s, i));
            }
        })).ToArray();
        await Task.WhenAll(threads);
        var result = await ExpectMsgAsync<string>(TimeSpan.FromSeconds(30));
        Assert.Equal($"ok {Senders * PerSender}", result);
    }

    [Fact]
    public async Task Processes_one_message_at_a_time()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyCheckActor()));
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                actor.Tell("work");
            }
        })).ToArray();
        await Task.WhenAll(senders);
        actor.Tell("report", TestActor);
        Assert.Equal(20_000, await ExpectMsgAsync<int>(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Throughput_of_one_still_delivers_everything_in_order()
    {
        await using var system = ActorSystem.Create("tp1", new ActorSystemSettings { Throughput = 1 });
        var probe = new TaskCompletionSource<int>();
        var actor = system.ActorOf(Props.Create(() => new CountingActor(1000, probe)));
        for (var i = 0; i < 1000; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(1000, await probe.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Terminate_stops_every_actor_children_first_and_completes_WhenTerminated()
    {
        var system = ActorSystem.Create("shutdown");
        var stops = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var parent = system.ActorOf(Props.Create(() => new StopRecorder(stops, true)), "parent");
        parent.Tell("make");
        var done = new TaskCompletionSource();
        parent.Tell(new TaskCompletionSource[] { done });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(["child", "parent"], stops.ToArray());
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new EchoActor())));
    }

    [Fact]
    public async Task Exceptions_name_the_actor_path()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, null)), "named-parent");
        parent.Tell((Props.Create(() => new EchoActor()), "kid"), TestActor);
        await ExpectMsgAsync<IActorRef>();
        var log = CreateTestProbe();
        Sys.EventStream.Subscribe(log.Ref, typeof(LogEvent));
        parent.Tell((Props.Create(() => new EchoActor()), "kid"), TestActor);
        var error = await log.FishForMessageAsync<LogEvent>(e => e.Cause is InvalidActorNameException);
        Assert.Contains("/user/named-parent", error.Cause!.Message, StringComparison.Ordinal);
        Assert.Equal("/user/named-parent", error.Source);
    }

    private sealed class EchoActor2 : ReceiveActor
    {
        public EchoActor2() => ReceiveAny(_ => { });
    }

    private sealed class OrderCheckActor : ReceiveActor
    {
        private readonly Dictionary<int, int> _next = [];
        private int _count;
        private IActorRef? _reportTo;
        private string? _error;

        public OrderCheckActor(int expected)
        {
            Receive<Report>(_ => _reportTo = Sender);
            Receive<Item>(item =>
            {
                _next.TryGetValue(item.Sender, out var next);
                if (item.Sequence != next)
                {
                    _error ??= $"sender {item.Sender}: expected {next} got {item.Sequence}";
                }

                _next[item.Sender] = item.Sequence + 1;
                if (++_count == expected)
                {
                    _reportTo?.Tell(_error ?? $"ok {_count}");
                }
            });
        }

        public sealed record Item(int Sender, int Sequence);

        public sealed record Report;
    }

    private sealed class ConcurrencyCheckActor : ReceiveActor
    {
        private int _inside;
        private int _count;

        public ConcurrencyCheckActor()
        {
            Receive<string>(s => s == "work", _ =>
            {
                if (Interlocked.Increment(ref _inside) != 1)
                {
                    throw new InvalidOperationException("two messages at once");
                }

                _count++;
                Interlocked.Decrement(ref _inside);
            });
            Receive<string>(s => s == "report", _ => Sender?.Tell(_count));
        }
    }

    private sealed class CountingActor : ReceiveActor
    {
        public CountingActor(int expected, TaskCompletionSource<int> done)
        {
            var next = 0;
            Receive<int>(i =>
            {
                if (i != next++)
                {
                    done.TrySetException(new InvalidOperationException($"got {i}, expected {next - 1}"));
                }

                if (next == expected)
                {
                    done.TrySetResult(next);
                }
            });
        }
    }

    private sealed class StopRecorder : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stops;
        private readonly bool _isParent;

        public StopRecorder(System.Collections.Concurrent.ConcurrentQueue<string> stops, bool isParent)
        {
            _stops = stops;
            _isParent = isParent;
            Receive<string>(_ => Context.ActorOf(Props.Create(() => new StopRecorder(stops, false)), "child"));
            Receive<TaskCompletionSource[]>(t => t[0].SetResult());
        }

        protected override void PostStop() => _stops.Enqueue(_isParent ? "parent" : "child");
    }
}
