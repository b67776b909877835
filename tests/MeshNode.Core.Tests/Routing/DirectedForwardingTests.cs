using MeshNode.Core.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Routing;

public sealed class DirectedForwardingTests
{
    // 1 - 2 - 3 - 4, seen from 2.
    private static readonly TopologyGraph Line = TopologyGraph.Create(
        TestKeys.Node(2),
        [new(TestKeys.Node(1), TestKeys.Node(2), 1000), new(TestKeys.Node(2), TestKeys.Node(3), 1000), new(TestKeys.Node(3), TestKeys.Node(4), 1000)],
        []);

    [Fact]
    public void Follows_the_shortest_path_next_hop()
    {
        var targets = DirectedForwarding.NextTargets(TestKeys.Node(4), TestKeys.Node(1), Line, [TestKeys.Node(1), TestKeys.Node(3)]);

        Assert.Equal([TestKeys.Node(3)], targets);
    }

    [Fact]
    public void Floods_when_the_next_hop_is_not_a_current_link()
    {
        var targets = DirectedForwarding.NextTargets(TestKeys.Node(4), TestKeys.Node(2), Line, [TestKeys.Node(1), TestKeys.Node(9)]);

        Assert.Equal([TestKeys.Node(1), TestKeys.Node(9)], targets);
    }

    [Fact]
    public void Floods_when_the_destination_is_unknown_but_never_back_to_the_arrival_link()
    {
        var targets = DirectedForwarding.NextTargets(TestKeys.Node(42), TestKeys.Node(1), Line, [TestKeys.Node(1), TestKeys.Node(3)]);

        Assert.Equal([TestKeys.Node(3)], targets);
    }

    [Fact]
    public void Sends_straight_to_a_linked_destination_the_graph_does_not_know_yet()
    {
        var targets = DirectedForwarding.NextTargets(TestKeys.Node(8), TestKeys.Node(2), Line, [TestKeys.Node(1), TestKeys.Node(3), TestKeys.Node(8)]);

        Assert.Equal([TestKeys.Node(8)], targets);
    }

    [Fact]
    public void Sends_nothing_for_this_node()
    {
        Assert.Empty(DirectedForwarding.NextTargets(TestKeys.Node(2), TestKeys.Node(1), Line, [TestKeys.Node(1), TestKeys.Node(3)]));
    }
}
