using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class AskTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_times_out_with_AskTimeoutException_naming_the_target()
    {
        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("ask", new ActorSystemSettings { TimeProvider = time });
        var silent = system.ActorOf(Props.Create(() => new LambdaActor((_, _) => { }, null)), "silent");
        var ask = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(ask.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("/user/silent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_uses_the_default_timeout_from_settings()
    {
        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("ask2", new ActorSystemSettings { TimeProvider = time, AskTimeout = TimeSpan.FromSeconds(7) });
        var silent = system.ActorOf(Props.Create(() => new LambdaActor((_, _) => { }, null)));
        var ask = silent.Ask<string>("anyone?");
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(ask.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task Status_Failure_reply_faults_the_ask_with_its_cause()
    {
        var failing = Sys.ActorOf(Props.Create(() => new LambdaActor((m, c) => c.Sender?.Tell(new Status.Failure(new ArgumentException("bad " + m))), null)));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => failing.Ask<string>("input"));
        Assert.Equal("bad input", ex.Message);
    }

    [Fact]
    public async Task Reply_of_the_wrong_type_faults_with_InvalidCastException()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(42));
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var silent = Sys.ActorOf(Props.Create(() => new LambdaActor((_, _) => { }, null)));
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<string>("x", TimeSpan.FromMinutes(5), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task PipeTo_sends_the_result_or_a_Status_Failure()
    {
        var ok = Task.FromResult(5);
        await ok.PipeTo(TestActor);
        await ExpectMsgAsync(5);

        await ok.PipeTo(TestActor, success: v => $"mapped {v}");
        await ExpectMsgAsync("mapped 5");

        var failed = Task.FromException<int>(new InvalidOperationException("nope"));
        await failed.PipeTo(TestActor);
        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.Equal("nope", failure.Cause.Message);

        await failed.PipeTo(TestActor, failure: ex => $"failed: {ex.Message}");
        await ExpectMsgAsync("failed: nope");

        var sender = CreateTestProbe();
        await Task.CompletedTask.PipeTo(TestActor, sender.Ref);
        await ExpectMsgAsync<Status.Success>();
        Assert.Same(sender.Ref, LastSender);
    }

    [Fact]
    public async Task GracefulStop_processes_queued_messages_then_completes_with_true()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new ReporterActor(TestActor)), "graceful");
        await ExpectMsgAsync("prestart graceful");
        reporter.Tell("first");
        var stopped = reporter.GracefulStop(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync("first");
        await ExpectMsgAsync("poststop graceful");
        Assert.True(await stopped);
    }

    [Fact]
    public async Task GracefulStop_times_out_when_the_actor_does_not_stop()
    {
        var time = new TestKit.TestScheduler();
        await using var system = ActorSystem.Create("graceful", new ActorSystemSettings { TimeProvider = time });
        var stubborn = system.ActorOf(Props.Create(() => new LambdaActor((_, _) => { }, null)));
        var stop = stubborn.GracefulStop(TimeSpan.FromSeconds(1), "not a poison pill");
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => stop);
    }
}
