using MeshNode.Core.Routing;
using MeshNode.Core.Tests.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Topology;

public sealed class TopologyGraphTests
{
    [Fact]
    public void Lists_nodes_and_edges_in_key_order_once_each_without_self_loops()
    {
        var graph = TopologyGraph.Create(
            N(2),
            [new(N(3), N(1), 700), new(N(1), N(3), 900), new(N(2), N(1), 100), new(N(4), N(4), 5)],
            [N(9)]);

        Assert.Equal([N(1), N(2), N(3), N(9)], graph.Nodes);
        Assert.Equal([new TopologyEdge(N(1), N(2), 100), new TopologyEdge(N(1), N(3), 700)], graph.Edges);
        Assert.Equal([new LinkStateNeighbour(N(2), 100), new LinkStateNeighbour(N(3), 700)], graph.NeighboursOf(N(1)));
        Assert.Empty(graph.NeighboursOf(N(42)));
    }

    [Fact]
    public void Knows_what_this_node_reaches()
    {
        var graph = TopologyGraph.Create(N(1), [new(N(1), N(2), 1), new(N(3), N(4), 1)], []);

        Assert.Equal(new HashSet<NodeKey> { N(1), N(2) }, graph.Reachable.ToHashSet());
        Assert.True(graph.Contains(N(4)));
        Assert.False(graph.IsReachable(N(4)));
        Assert.True(graph.HasEdge(N(2), N(1)));
        Assert.False(graph.HasEdge(N(1), N(3)));
    }

    [Fact]
    public void An_empty_graph_holds_only_this_node()
    {
        var graph = TopologyGraph.Empty(N(1));

        Assert.Equal([N(1)], graph.Nodes);
        Assert.Empty(graph.Edges);
        Assert.Empty(graph.Paths.Routes);
    }

    private static NodeKey N(int number) => TestKeys.Node(number);
}
