using MeshNode.Core.Routing;
using MeshNode.Core.Tests.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Topology;

public sealed class ShortestPathsTests
{
    [Fact]
    public void Gives_next_hop_hop_count_and_path_along_a_line()
    {
        var graph = Graph(1, (1, 2, 1000), (2, 3, 1000), (3, 4, 1000));

        var paths = graph.Paths;

        Assert.Equal(N(2), paths.NextHop(N(4)));
        Assert.Equal(3, paths.HopCount(N(4)));
        Assert.Equal([N(1), N(2), N(3), N(4)], paths.PathTo(N(4)));
        Assert.True(paths.TryGetRoute(N(3), out var route));
        Assert.Equal(new Route(N(3), N(2), 2, 2000), route);
        Assert.Equal(0, paths.HopCount(N(1)));
        Assert.Equal([N(1)], paths.PathTo(N(1)));
    }

    [Fact]
    public void Prefers_a_faster_path_with_more_hops()
    {
        // 1 - 4 direct is slow (50 ms); 1 - 2 - 3 - 4 is 3 ms.
        var graph = Graph(1, (1, 4, 50_000), (1, 2, 1000), (2, 3, 1000), (3, 4, 1000));

        Assert.Equal(N(2), graph.Paths.NextHop(N(4)));
        Assert.Equal(3, graph.Paths.HopCount(N(4)));
    }

    [Fact]
    public void Counts_hops_on_zero_rtt_links_through_the_minimum_edge_cost()
    {
        // Loopback links measure 0: the direct link must still beat the two-hop detour.
        var graph = Graph(1, (1, 3, 0), (1, 2, 0), (2, 3, 0));

        Assert.Equal(N(3), graph.Paths.NextHop(N(3)));
        Assert.Equal(1, graph.Paths.HopCount(N(3)));
        Assert.True(graph.Paths.TryGetRoute(N(3), out var route));
        Assert.Equal(graph.MinEdgeCostMicroseconds, route.CostMicroseconds);
    }

    [Fact]
    public void Breaks_ties_between_equal_paths_by_the_smaller_key()
    {
        // 1 reaches 4 through 2 or 3 at equal cost; listing order must not matter.
        var forward = Graph(1, (1, 2, 1000), (1, 3, 1000), (2, 4, 1000), (3, 4, 1000));
        var backward = Graph(1, (3, 4, 1000), (2, 4, 1000), (1, 3, 1000), (1, 2, 1000));

        Assert.Equal(N(2), forward.Paths.NextHop(N(4)));
        Assert.Equal(N(2), backward.Paths.NextHop(N(4)));
        Assert.Equal(N(2), forward.Paths.ParentOf(N(4)));
    }

    [Fact]
    public void Prefers_fewer_hops_among_equal_costs()
    {
        // 1 - 5 directly at 2000, or 1 - 2 - 5 at 1000 + 1000.
        var graph = Graph(1, (1, 2, 1000), (2, 5, 1000), (1, 5, 2000));

        Assert.Equal(N(5), graph.Paths.NextHop(N(5)));
    }

    [Fact]
    public void Reports_unreachable_nodes_as_having_no_route()
    {
        var graph = Graph(1, (1, 2, 1000), (3, 4, 1000));

        Assert.Null(graph.Paths.NextHop(N(3)));
        Assert.Equal(-1, graph.Paths.HopCount(N(3)));
        Assert.Empty(graph.Paths.PathTo(N(3)));
        Assert.False(graph.Paths.TryGetRoute(N(9), out _));
        Assert.Equal([N(2)], graph.Paths.Routes.Select(r => r.Destination));
        Assert.Equal(2, graph.Paths.ReachableCount);
    }

    [Fact]
    public void Exposes_the_tree_as_parents_and_children()
    {
        var graph = Graph(1, (1, 2, 1000), (1, 3, 1000), (2, 4, 1000), (2, 5, 1000));

        var tree = graph.PathsFrom(N(2));

        Assert.Equal([N(1), N(4), N(5)], tree.ChildrenOf(N(2)));
        Assert.Equal([N(3)], tree.ChildrenOf(N(1)));
        Assert.Null(tree.ParentOf(N(2)));
        Assert.Equal(N(1), tree.ParentOf(N(3)));
        Assert.Same(tree, graph.PathsFrom(N(2)));
        Assert.Throws<ArgumentException>(() => graph.PathsFrom(N(9)));
    }

    [Fact]
    public void Every_node_computes_the_same_tree_from_the_same_graph()
    {
        var topology = SimulatedTopology.Random(40, 5, seed: 99);
        var simulation = new BroadcastSimulation(topology);
        var origin = topology.Keys[17];
        var reference = simulation.GraphOf(0).PathsFrom(origin);

        for (var i = 1; i < topology.Count; i++)
        {
            var tree = simulation.GraphOf(i).PathsFrom(origin);
            foreach (var node in topology.Keys)
            {
                Assert.Equal(reference.ParentOf(node), tree.ParentOf(node));
            }
        }
    }

    [Fact]
    public void Routes_every_node_of_a_hundred_node_mesh_along_paths_no_longer_than_needed()
    {
        var topology = SimulatedTopology.Random(100, 4, seed: 5);
        var simulation = new BroadcastSimulation(topology);
        var paths = simulation.GraphOf(0).Paths;

        Assert.Equal(100, paths.ReachableCount);
        foreach (var route in paths.Routes)
        {
            var path = paths.PathTo(route.Destination);
            Assert.Equal(route.HopCount + 1, path.Count);
            Assert.Equal(route.NextHop, path[1]);
            // Each step of the path is a link, and the cost is the sum of the links' RTTs.
            long cost = 0;
            for (var k = 1; k < path.Count; k++)
            {
                var a = Array.IndexOf(topology.Keys, path[k - 1]);
                var b = Array.IndexOf(topology.Keys, path[k]);
                cost += Math.Max(topology.RttOf(a, b), 100);
            }

            Assert.Equal(route.CostMicroseconds, cost);
        }
    }

    private static NodeKey N(int number) => TestKeys.Node(number);

    private static TopologyGraph Graph(int self, params (int A, int B, long Rtt)[] edges) =>
        TopologyGraph.Create(N(self), edges.Select(e => new TopologyEdge(N(e.A), N(e.B), e.Rtt)), []);
}
