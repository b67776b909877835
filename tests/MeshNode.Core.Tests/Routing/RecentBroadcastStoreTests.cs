using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

public sealed class RecentBroadcastStoreTests
{
    private readonly ManualTestClock _clock = new();

    [Fact]
    public void Returns_the_exact_bytes_it_was_given()
    {
        var store = new RecentBroadcastStore(8, 1024, TimeSpan.FromSeconds(10), _clock);
        byte[] envelope = [1, 2, 3];

        Assert.True(store.Add(TestKeys.Node(1), TestKeys.Message(1), envelope));

        Assert.True(store.TryGet(TestKeys.Node(1), TestKeys.Message(1), out var kept));
        Assert.Equal(envelope, kept.ToArray());
        Assert.False(store.TryGet(TestKeys.Node(2), TestKeys.Message(1), out _));
    }

    [Fact]
    public void Keeps_the_first_copy_of_a_broadcast()
    {
        var store = new RecentBroadcastStore(8, 1024, TimeSpan.FromSeconds(10), _clock);
        store.Add(TestKeys.Node(1), TestKeys.Message(1), new byte[] { 1 });

        Assert.False(store.Add(TestKeys.Node(1), TestKeys.Message(1), new byte[] { 2, 2 }));
        Assert.Equal(1, store.Bytes);
    }

    [Fact]
    public void Drops_the_oldest_beyond_the_count()
    {
        var store = new RecentBroadcastStore(2, 1024, TimeSpan.FromSeconds(10), _clock);
        for (var i = 1; i <= 3; i++)
        {
            store.Add(TestKeys.Node(1), TestKeys.Message(i), new byte[10]);
        }

        Assert.Equal(2, store.Count);
        Assert.False(store.TryGet(TestKeys.Node(1), TestKeys.Message(1), out _));
        Assert.True(store.TryGet(TestKeys.Node(1), TestKeys.Message(3), out _));
    }

    [Fact]
    public void Drops_the_oldest_beyond_the_bytes_and_refuses_an_envelope_larger_than_all()
    {
        var store = new RecentBroadcastStore(100, 25, TimeSpan.FromSeconds(10), _clock);
        store.Add(TestKeys.Node(1), TestKeys.Message(1), new byte[10]);
        store.Add(TestKeys.Node(1), TestKeys.Message(2), new byte[10]);
        store.Add(TestKeys.Node(1), TestKeys.Message(3), new byte[10]);

        Assert.Equal(20, store.Bytes);
        Assert.False(store.TryGet(TestKeys.Node(1), TestKeys.Message(1), out _));
        Assert.False(store.Add(TestKeys.Node(1), TestKeys.Message(4), new byte[26]));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Forgets_envelopes_older_than_the_max_age()
    {
        var store = new RecentBroadcastStore(8, 1024, TimeSpan.FromSeconds(10), _clock);
        store.Add(TestKeys.Node(1), TestKeys.Message(1), new byte[10]);
        _clock.Advance(TimeSpan.FromSeconds(6));
        store.Add(TestKeys.Node(1), TestKeys.Message(2), new byte[10]);

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(store.TryGet(TestKeys.Node(1), TestKeys.Message(1), out _));
        Assert.True(store.TryGet(TestKeys.Node(1), TestKeys.Message(2), out _));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, store.Prune());
        Assert.Equal(0, store.Bytes);
    }
}
