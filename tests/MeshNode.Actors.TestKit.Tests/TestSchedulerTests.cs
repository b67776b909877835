namespace MeshNode.Actors.TestKit.Tests;

public sealed class TestSchedulerTests
{
    [Fact]
    public void Time_moves_only_when_advanced()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new TestScheduler(start);
        Assert.Equal(start, time.GetUtcNow());
        var t0 = time.GetTimestamp();
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(start.AddSeconds(3), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(3), time.GetElapsedTime(t0));
    }

    [Fact]
    public void Fires_due_timers_in_due_time_order_with_ties_in_creation_order()
    {
        var time = new TestScheduler();
        var fired = new List<string>();
        using var c = time.CreateTimer(_ => fired.Add("c@3"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => fired.Add("a@1"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var b1 = time.CreateTimer(_ => fired.Add("b1@2"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var b2 = time.CreateTimer(_ => fired.Add("b2@2"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["a@1", "b1@2", "b2@2", "c@3"], fired);
    }

    [Fact]
    public void Callbacks_see_the_clock_at_their_due_time()
    {
        var time = new TestScheduler();
        var start = time.GetUtcNow();
        var seen = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - start), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8)], seen);
        Assert.Equal(TimeSpan.FromSeconds(9), time.GetUtcNow() - start);
    }

    [Fact]
    public void Change_reschedules_and_Dispose_cancels()
    {
        var time = new TestScheduler();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, count);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, count);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Infinite_due_time_disarms_and_zero_due_time_fires_at_once()
    {
        var time = new TestScheduler();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, count);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Timers_created_by_a_callback_fire_within_the_same_advance_when_due()
    {
        var time = new TestScheduler();
        var fired = new List<string>();
        ITimer? inner = null;
        using var outer = time.CreateTimer(_ =>
        {
            fired.Add("outer");
            inner = time.CreateTimer(_ => fired.Add("inner"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["outer", "inner"], fired);
        inner?.Dispose();
    }

    [Fact]
    public void SetUtcNow_fires_timers_and_refuses_to_go_back()
    {
        var time = new TestScheduler();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        time.SetUtcNow(time.GetUtcNow().AddHours(1));
        Assert.Equal(1, count);
        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(time.GetUtcNow().AddSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }
}
