using MeshNode.Core.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Topology;

public sealed class NeighbourTableTests
{
    private static readonly NodeKey A = Key(1);
    private static readonly NodeKey B = Key(2);

    [Fact]
    public void A_new_or_lost_neighbour_is_a_change_and_a_known_one_is_not()
    {
        var table = new NeighbourTable(TimeSpan.FromMilliseconds(5), 0.5);

        Assert.True(table.Attach(A));
        Assert.False(table.Attach(A));
        Assert.True(table.Changed);
        Assert.Single(table.Advertise());
        Assert.False(table.Changed);
        Assert.False(table.Detach(B));
        Assert.True(table.Detach(A));
        Assert.Empty(table.Advertise());
    }

    [Fact]
    public void Rtts_below_the_least_edge_cost_are_never_a_change()
    {
        var table = new NeighbourTable(TimeSpan.FromMilliseconds(5), 0.5);
        table.Attach(A);
        table.Advertise();

        foreach (var ms in new[] { 0.1, 4.9, 0.2, 3.0, 4.99 })
        {
            Assert.False(table.Measure(A, TimeSpan.FromMilliseconds(ms)));
        }

        Assert.False(table.Changed);
    }

    [Fact]
    public void A_cost_that_moves_beyond_the_threshold_is_a_change_and_is_advertised_smoothed()
    {
        var table = new NeighbourTable(TimeSpan.FromMilliseconds(1), 0.5);
        table.Attach(A);
        Assert.False(table.Measure(A, TimeSpan.FromMilliseconds(10)));
        Assert.Equal(10_000, table.Advertise().Single().RttMicroseconds);

        Assert.False(table.Measure(A, TimeSpan.FromMilliseconds(20)));
        Assert.True(table.Measure(A, TimeSpan.FromMilliseconds(40)));

        var advertised = table.Advertise().Single().RttMicroseconds;
        Assert.Equal(10_000 + 2_500 + ((40_000 - 12_500) / 4), advertised);

        // A link that becomes fast again: the smoothed cost crosses the threshold on the third sample.
        var changes = Enumerable.Range(0, 3).Select(_ => table.Measure(A, TimeSpan.FromMicroseconds(1))).ToArray();
        Assert.Equal([false, false, true], changes);
    }

    [Fact]
    public void A_refresh_repeats_the_advertised_rtt_while_the_cost_stays_within_the_threshold()
    {
        var table = new NeighbourTable(TimeSpan.FromMilliseconds(1), 0.5);
        table.Attach(A);
        Assert.Equal(1_000, table.Advertise().Single().RttMicroseconds);
        table.Measure(A, TimeSpan.FromMilliseconds(10));
        Assert.Equal(10_000, table.Advertise().Single().RttMicroseconds);

        Assert.False(table.Measure(A, TimeSpan.FromMilliseconds(14)));

        Assert.Equal(10_000, table.Advertise().Single().RttMicroseconds);
    }

    [Fact]
    public void Samples_for_a_node_that_is_not_a_neighbour_and_negative_samples_are_ignored()
    {
        var table = new NeighbourTable(TimeSpan.FromMilliseconds(1), 0);
        table.Attach(A);
        table.Advertise();

        Assert.False(table.Measure(B, TimeSpan.FromSeconds(1)));
        Assert.False(table.Measure(A, TimeSpan.FromMilliseconds(-5)));
        Assert.Equal(1_000, table.Advertise().Single().RttMicroseconds);
    }

    private static NodeKey Key(byte last)
    {
        var bytes = new byte[16];
        bytes[15] = last;
        return new NodeKey(bytes);
    }
}
