using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class DeadLetterTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Message_to_a_stopped_actor_is_published_as_DeadLetter()
    {
        var dead = CreateTestProbe();
        Sys.EventStream.Subscribe(dead.Ref, typeof(DeadLetter));
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(target);
        Sys.Stop(target);
        await ExpectTerminatedAsync(target);
        target.Tell("late", TestActor);
        var letter = await dead.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("late", letter.Message);
        Assert.Same(TestActor, letter.Sender);
        Assert.Same(target, letter.Recipient);
    }

    [Fact]
    public async Task Telling_DeadLetters_publishes_a_DeadLetter()
    {
        var dead = CreateTestProbe();
        Sys.EventStream.Subscribe(dead.Ref, typeof(DeadLetter));
        Sys.DeadLetters.Tell("lost");
        Assert.Equal("lost", (await dead.ExpectMsgAsync<DeadLetter>()).Message);
    }

    [Fact]
    public async Task Dead_letter_logging_is_rate_limited_but_every_letter_is_published()
    {
        var time = new TestKit.TestScheduler();
        var logs = new System.Collections.Concurrent.ConcurrentQueue<LogEvent>();
        await using var system = ActorSystem.Create("limited", new ActorSystemSettings
        {
            TimeProvider = time,
            DeadLetterLogLimit = 3,
            DeadLetterLogInterval = TimeSpan.FromSeconds(10),
            LogSink = logs.Enqueue,
        });
        var published = 0;
        using var subscription = system.EventStream.Subscribe<DeadLetter>(_ => Interlocked.Increment(ref published));
        for (var i = 0; i < 10; i++)
        {
            system.DeadLetters.Tell(i);
        }

        Assert.Equal(10, published);
        Assert.Equal(3, logs.Count(l => l.Message.Contains("not delivered", StringComparison.Ordinal)));

        time.Advance(TimeSpan.FromSeconds(11));
        system.DeadLetters.Tell("next window");
        Assert.Contains(logs, l => l.Message.Contains("7 more dead letters were not logged", StringComparison.Ordinal));
    }
}
