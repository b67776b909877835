using MeshNode.Core.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Routing;

public sealed class BroadcastForwardingTests
{
    // 1 - 2, 1 - 3, 2 - 4, 3 - 4, 4 - 5, equal RTTs. Tree from 1: 2 and 3 under 1, 4 under 2
    // (equal cost through 2 or 3: the smaller key wins), 5 under 4.
    private static readonly TopologyEdge[] Edges =
    [
        new(N(1), N(2), 1000), new(N(1), N(3), 1000), new(N(2), N(4), 1000), new(N(3), N(4), 1000), new(N(4), N(5), 1000),
    ];

    [Fact]
    public void Forwards_only_to_its_children_in_the_origin_tree()
    {
        Assert.Equal([N(4)], BroadcastForwarding.ForwardTargets(N(1), N(1), View(2), [N(1), N(4)]));
        Assert.Empty(BroadcastForwarding.ForwardTargets(N(1), N(1), View(3), [N(1), N(4)]));
        Assert.Equal([N(5)], BroadcastForwarding.ForwardTargets(N(1), N(2), View(4), [N(2), N(3), N(5)]));
        Assert.Equal([N(2), N(3)], BroadcastForwarding.ForwardTargets(N(1), N(1), View(1), [N(2), N(3)]));
    }

    [Fact]
    public void Sends_digests_to_the_links_that_get_no_payload()
    {
        var view = View(4);
        var eager = BroadcastForwarding.ForwardTargets(N(1), N(2), view, [N(2), N(3), N(5)]);

        Assert.Equal([N(3)], BroadcastForwarding.DigestTargets(N(1), N(2), eager, [N(2), N(3), N(5)]));
        Assert.Empty(BroadcastForwarding.DigestTargets(N(1), N(1), [N(4)], [N(1), N(4)]));
    }

    [Fact]
    public void Floods_when_the_origin_is_unknown()
    {
        Assert.Equal([N(1), N(5)], BroadcastForwarding.ForwardTargets(N(9), N(2), View(4), [N(1), N(2), N(5)]));
    }

    [Fact]
    public void Floods_when_a_tree_child_is_no_longer_linked()
    {
        Assert.Equal([N(7)], BroadcastForwarding.ForwardTargets(N(1), N(1), View(2), [N(1), N(7)]));
    }

    [Fact]
    public void Sends_the_payload_to_a_linked_node_the_tree_does_not_reach()
    {
        Assert.Equal([N(5), N(8)], BroadcastForwarding.ForwardTargets(N(1), N(2), View(4), [N(2), N(3), N(5), N(8)]));
    }

    [Fact]
    public void Floods_when_the_origin_is_not_reachable_in_this_view()
    {
        // This node (6) holds 1's record but its only two-way link is to 7.
        var graph = TopologyGraph.Create(N(6), [.. Edges, new(N(6), N(7), 1000)], [], 100);

        Assert.Equal([N(2), N(7)], BroadcastForwarding.ForwardTargets(N(1), N(1), graph, [N(1), N(2), N(7)]));
    }

    [Fact]
    public void Flooding_goes_everywhere_but_back()
    {
        Assert.Equal([N(1), N(3)], BroadcastForwarding.Flood(N(2), [N(3), N(2), N(1)]));
    }

    private static NodeKey N(int number) => TestKeys.Node(number);

    private static TopologyGraph View(int self) => TopologyGraph.Create(N(self), Edges, []);
}
