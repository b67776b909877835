using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

public sealed class SeenCacheTests
{
    private readonly ManualTestClock _clock = new();

    [Fact]
    public void Accepts_a_new_pair_once_and_reports_the_copy_as_duplicate()
    {
        var cache = new SeenCache(16, TimeSpan.FromMinutes(1), _clock);

        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.False(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Keys_by_origin_and_id_together()
    {
        var cache = new SeenCache(16, TimeSpan.FromMinutes(1), _clock);

        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.True(cache.TryAdd(TestKeys.Node(2), TestKeys.Message(1)));
        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(2)));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Evicts_the_oldest_entry_when_full()
    {
        var cache = new SeenCache(3, TimeSpan.FromMinutes(1), _clock);
        for (var i = 1; i <= 4; i++)
        {
            Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(i)));
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.Contains(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.True(cache.Contains(TestKeys.Node(1), TestKeys.Message(2)));
        Assert.True(cache.Contains(TestKeys.Node(1), TestKeys.Message(4)));
        // The evicted pair is new again.
        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.False(cache.Contains(TestKeys.Node(1), TestKeys.Message(2)));
    }

    [Fact]
    public void Forgets_entries_older_than_the_max_age()
    {
        var cache = new SeenCache(16, TimeSpan.FromSeconds(30), _clock);
        cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1));
        _clock.Advance(TimeSpan.FromSeconds(20));
        cache.TryAdd(TestKeys.Node(1), TestKeys.Message(2));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(cache.Contains(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.True(cache.Contains(TestKeys.Node(1), TestKeys.Message(2)));
        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
    }

    [Fact]
    public void Keeps_an_entry_exactly_at_the_max_age()
    {
        var cache = new SeenCache(16, TimeSpan.FromSeconds(30), _clock);
        cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1));

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
    }

    [Fact]
    public void Prune_gives_back_expired_entries_of_an_idle_cache()
    {
        var cache = new SeenCache(16, TimeSpan.FromSeconds(10), _clock);
        for (var i = 0; i < 5; i++)
        {
            cache.TryAdd(TestKeys.Node(i), TestKeys.Message(i));
        }

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(5, cache.Prune());
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Contains_records_nothing()
    {
        var cache = new SeenCache(16, TimeSpan.FromMinutes(1), _clock);

        Assert.False(cache.Contains(TestKeys.Node(1), TestKeys.Message(1)));
        Assert.True(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(1)));
    }

    [Fact]
    public void Takes_raw_wire_ids()
    {
        var cache = new SeenCache(16, TimeSpan.FromMinutes(1), _clock);
        var id = TestKeys.Message(7).ToArray();

        Assert.True(cache.TryAdd(TestKeys.Node(1), id));
        Assert.False(cache.TryAdd(TestKeys.Node(1), TestKeys.Message(7)));
        Assert.Throws<ArgumentException>(() => cache.TryAdd(TestKeys.Node(1), new byte[15]));
    }

    [Fact]
    public void Stays_within_its_capacity_under_a_long_stream()
    {
        var cache = new SeenCache(1000, TimeSpan.FromMinutes(1), _clock);
        var random = new Random(1234);
        for (var i = 0; i < 20_000; i++)
        {
            var n = random.Next(50_000);
            cache.TryAdd(TestKeys.Node(n % 7), TestKeys.Message(n));
            Assert.True(cache.Count <= 1000);
        }

        Assert.Equal(1000, cache.Count);
    }

    [Fact]
    public void Rejects_nonsense_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeenCache(0, TimeSpan.FromSeconds(1), _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeenCache(1, TimeSpan.Zero, _clock));
    }
}
