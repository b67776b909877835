using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

public sealed class RelayQueueTests
{
    private static readonly NodeKey Away = TestKeys.Node(1);
    private static readonly NodeKey Other = TestKeys.Node(2);
    private static readonly NodeKey Origin = TestKeys.Node(3);
    private readonly ManualTestClock _clock = new();

    [Fact]
    public void Holds_envelopes_per_destination_and_hands_them_over_oldest_first_once()
    {
        var queue = new RelayQueue(16, 16, 1024, TimeSpan.FromMinutes(1), _clock);
        Assert.True(queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 }));
        Assert.True(queue.Add(Other, Origin, new MessageId(0, 2), new byte[] { 2 }));
        Assert.True(queue.Add(Away, Origin, new MessageId(0, 3), new byte[] { 3 }));
        Assert.False(queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 }));

        Assert.Equal([[1], [3]], queue.TakeFor(Away).Select(m => m.ToArray()));
        Assert.Empty(queue.TakeFor(Away));
        Assert.Equal((1, 1L), (queue.Count, queue.Bytes));
        Assert.Equal([Other], queue.Destinations);
    }

    [Fact]
    public void Makes_room_by_dropping_the_oldest_and_counts_it()
    {
        var queue = new RelayQueue(3, 2, 1024, TimeSpan.FromMinutes(1), _clock);
        queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 });
        queue.Add(Away, Origin, new MessageId(0, 2), new byte[] { 2 });
        queue.Add(Away, Origin, new MessageId(0, 3), new byte[] { 3 }); // per destination: drops 1
        queue.Add(Other, Origin, new MessageId(0, 4), new byte[] { 4 });
        queue.Add(Other, Origin, new MessageId(0, 5), new byte[] { 5 }); // count: drops 2

        Assert.Equal(2, queue.Evicted);
        Assert.Equal([[3]], queue.TakeFor(Away).Select(m => m.ToArray()));
        Assert.Equal([[4], [5]], queue.TakeFor(Other).Select(m => m.ToArray()));
    }

    [Fact]
    public void Keeps_within_the_byte_bound_and_refuses_an_envelope_larger_than_it()
    {
        var queue = new RelayQueue(100, 100, 10, TimeSpan.FromMinutes(1), _clock);
        Assert.False(queue.Add(Away, Origin, new MessageId(0, 1), new byte[11]));
        queue.Add(Away, Origin, new MessageId(0, 2), new byte[6]);
        queue.Add(Away, Origin, new MessageId(0, 3), new byte[6]);
        Assert.Equal((1, 6L, 1L), (queue.Count, queue.Bytes, queue.Evicted));
    }

    [Fact]
    public void Drops_and_reports_envelopes_older_than_the_max_age_per_destination()
    {
        var queue = new RelayQueue(16, 16, 1024, TimeSpan.FromMinutes(10), _clock);
        queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 });
        queue.Add(Away, Origin, new MessageId(0, 2), new byte[] { 2 });
        _clock.Advance(TimeSpan.FromMinutes(5));
        queue.Add(Other, Origin, new MessageId(0, 3), new byte[] { 3 });
        Assert.Empty(queue.Prune());

        _clock.Advance(TimeSpan.FromMinutes(6));
        var dropped = queue.Prune();
        Assert.Equal(2, Assert.Single(dropped).Value);
        Assert.Equal(Away, dropped.Single().Key);
        Assert.Equal((1, 2L), (queue.Count, queue.Expired));
        Assert.Empty(queue.TakeFor(Away));
    }

    [Fact]
    public void Reports_an_expiry_found_while_adding_at_the_next_prune()
    {
        var queue = new RelayQueue(16, 16, 1024, TimeSpan.FromMinutes(10), _clock);
        queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 });
        _clock.Advance(TimeSpan.FromMinutes(11));
        queue.Add(Other, Origin, new MessageId(0, 2), new byte[] { 2 });

        Assert.Equal(1, queue.Prune()[Away]);
        Assert.Empty(queue.Prune());
    }

    [Fact]
    public void Holds_nothing_when_disabled()
    {
        var queue = new RelayQueue(0, 256, 1024, TimeSpan.FromMinutes(1), _clock);
        Assert.False(queue.Enabled);
        Assert.False(queue.Add(Away, Origin, new MessageId(0, 1), new byte[] { 1 }));
    }

    [Fact]
    public void Keeps_a_long_held_envelope_while_thousands_come_and_go_behind_it()
    {
        var queue = new RelayQueue(4, 4, 1024, TimeSpan.FromHours(1), _clock);
        queue.Add(Away, Origin, new MessageId(0, 0), new byte[] { 0 });
        for (ulong i = 1; i < 10_000; i++)
        {
            queue.Add(Other, Origin, new MessageId(0, i), new byte[] { 1 });
            Assert.Single(queue.TakeFor(Other));
        }

        Assert.Equal(1, queue.Count);
        Assert.Single(queue.TakeFor(Away));
    }
}
