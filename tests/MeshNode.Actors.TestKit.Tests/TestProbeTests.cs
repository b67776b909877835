using Xunit.Abstractions;
using Xunit.Sdk;

namespace MeshNode.Actors.TestKit.Tests;

public sealed class TestProbeTests(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task ExpectMsg_by_type_value_predicate_and_assertion()
    {
        TestActor.Tell(1);
        TestActor.Tell("two");
        TestActor.Tell(3);
        TestActor.Tell(4);
        Assert.Equal(1, await ExpectMsgAsync<int>());
        await ExpectMsgAsync("two");
        await ExpectMsgAsync<int>(i => i == 3);
        await ExpectMsgAsync<int>(i => Assert.Equal(4, i));
    }

    [Fact]
    public async Task ExpectMsg_fails_on_wrong_type_wrong_value_and_timeout()
    {
        TestActor.Tell("text");
        await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<int>());
        TestActor.Tell("other");
        await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync("expected"));
        TestActor.Tell(5);
        await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<int>(i => i > 10));
        var timeout = await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<int>(TimeSpan.FromMilliseconds(20)));
        Assert.Contains("timeout", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_wrappers_work_like_the_async_methods()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell("c");
        Assert.Equal("a", ExpectMsg<string>());
        ExpectMsg("b");
        ExpectMsg<string>(s => s == "c");
        ExpectNoMsg(TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public async Task ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("surprise");
        await Assert.ThrowsAsync<XunitException>(() => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Send_Reply_and_Forward_set_and_use_senders()
    {
        var a = CreateTestProbe("a");
        var b = CreateTestProbe("b");
        a.Send(b.Ref, "hello");
        await b.ExpectMsgAsync("hello");
        Assert.Same(a.Ref, b.LastSender);
        b.Reply("hi back");
        await a.ExpectMsgAsync("hi back");
        Assert.Same(b.Ref, a.LastSender);

        var c = CreateTestProbe("c");
        a.Send(b.Ref, "pass on");
        await b.ExpectMsgAsync("pass on");
        b.Forward(c.Ref);
        await c.ExpectMsgAsync("pass on");
        Assert.Same(a.Ref, c.LastSender);
        Assert.Equal("/system/c", c.Ref.Path.ToString());
    }

    [Fact]
    public async Task ExpectTerminated_sees_a_watched_actor_stop()
    {
        var target = CreateTestProbe();
        Watch(target.Ref);
        Sys.Stop(target.Ref);
        var terminated = await ExpectTerminatedAsync(target.Ref);
        Assert.Same(target.Ref, terminated.ActorRef);
    }

    [Fact]
    public async Task FishForMessage_skips_until_a_match()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            TestActor.Tell(i);
        }

        Assert.Equal(4, await FishForMessageAsync(m => m is int i && i > 3));
        await ExpectMsgAsync(5);
    }

    [Fact]
    public async Task ReceiveWhile_stops_at_the_first_non_matching_message_and_leaves_it()
    {
        foreach (var m in new object[] { 1, 2, 3, "stop", 4 })
        {
            TestActor.Tell(m);
        }

        var taken = await ReceiveWhileAsync<int>(i => i < 10, idle: TimeSpan.FromMilliseconds(200));
        Assert.Equal([1, 2, 3], taken);
        await ExpectMsgAsync("stop");
        Assert.Equal([4], await ReceiveWhileAsync<int>(_ => true, maxMessages: 1));
    }

    [Fact]
    public async Task ReceiveN_takes_exactly_n_or_fails()
    {
        TestActor.Tell(1);
        TestActor.Tell(2);
        Assert.Equal([1, 2], await ReceiveNAsync(2));
        TestActor.Tell(3);
        await Assert.ThrowsAsync<XunitException>(() => ReceiveNAsync(2, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Within_fails_when_the_block_takes_too_long_and_bounds_inner_waits()
    {
        await WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            TestActor.Tell("quick");
            await ExpectMsgAsync("quick");
        });

        // The inner wait gets only what is left of the 50 ms, so it times out quickly instead of after 3 s.
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<XunitException>(() => WithinAsync(TimeSpan.FromMilliseconds(50), () => ExpectMsgAsync<string>()));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AwaitAssert_retries_until_the_assertion_passes_and_AwaitCondition_until_true()
    {
        var counter = 0;
        await AwaitAssertAsync(() => Assert.True(++counter >= 3), interval: TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, counter);

        var flag = new TaskCompletionSource();
        _ = Task.Run(flag.SetResult);
        await AwaitConditionAsync(() => flag.Task.IsCompleted, interval: TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<XunitException>(() => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(5)));
        await Assert.ThrowsAsync<TrueException>(() => AwaitAssertAsync(() => Assert.True(false), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(5)));
    }

    [Fact]
    public void Time_factor_scales_default_timeouts()
    {
        Assert.Equal(TimeSpan.FromSeconds(3) * TestKitSettings.TimeFactor, TestKitSettings.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2) * TestKitSettings.TimeFactor, Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal("MESHNODE_TESTKIT_TIMEFACTOR", TestKitSettings.TimeFactorVariable);
    }
}
