using MeshNode.Cli.Lab;

namespace MeshNode.Cli.Tests.Lab;

public sealed class LabTopologyTests
{
    [Fact]
    public void Line_links_neighbours()
    {
        Assert.Equal([(0, 1), (1, 2), (2, 3)], LabTopology.Build("line", 4, 0));
    }

    [Fact]
    public void Ring_closes_the_line()
    {
        Assert.Equal([(0, 1), (1, 2), (2, 3), (0, 3)], LabTopology.Build("ring", 4, 0));
    }

    [Fact]
    public void Ring_of_two_has_one_edge()
    {
        Assert.Equal([(0, 1)], LabTopology.Build("ring", 2, 0));
    }

    [Fact]
    public void Star_links_everyone_to_node_zero()
    {
        Assert.Equal([(0, 1), (0, 2), (0, 3)], LabTopology.Build("star", 4, 0));
    }

    [Fact]
    public void Grid_of_five_is_three_columns_with_a_short_last_row()
    {
        // 0 1 2
        // 3 4
        Assert.Equal([(0, 1), (0, 3), (1, 2), (1, 4), (3, 4)], LabTopology.Build("grid", 5, 0));
    }

    [Fact]
    public void Full_links_every_pair()
    {
        Assert.Equal(10, LabTopology.Build("full", 5, 0).Count);
    }

    [Fact]
    public void A_single_node_has_no_edges()
    {
        Assert.Empty(LabTopology.Build("line", 1, 0));
        Assert.Empty(LabTopology.Build("random:3", 1, 0));
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(10, 3, 7)]
    [InlineData(50, 6, 42)]
    [InlineData(30, 40, 3)]
    public void Random_is_connected_seeded_and_near_the_degree(int nodes, int degree, int seed)
    {
        var edges = LabTopology.Build($"random:{degree}", nodes, seed);

        Assert.Equal(edges, LabTopology.Build($"random:{degree}", nodes, seed));
        Assert.True(IsConnected(nodes, edges));
        Assert.All(edges, e => Assert.True(e.A < e.B));
        Assert.Equal(edges.Count, edges.Distinct().Count());
        Assert.Equal(Math.Min(nodes * degree / 2, nodes * (nodes - 1) / 2), edges.Count);
    }

    [Fact]
    public void Random_differs_by_seed()
    {
        Assert.NotEqual(LabTopology.Build("random:3", 20, 1), LabTopology.Build("random:3", 20, 2));
    }

    [Theory]
    [InlineData("hexagon", 4)]
    [InlineData("random:", 4)]
    [InlineData("random:0", 4)]
    [InlineData("random:x", 4)]
    [InlineData("line", 0)]
    [InlineData("line", 201)]
    public void Refuses_bad_shapes_and_counts_as_usage_errors(string shape, int nodes)
    {
        var ex = Assert.Throws<CliUserException>(() => LabTopology.Build(shape, nodes, 0));

        Assert.Equal(2, ex.ExitCode);
    }

    private static bool IsConnected(int nodes, IReadOnlyList<(int A, int B)> edges)
    {
        var seen = new HashSet<int> { 0 };
        var queue = new Queue<int>([0]);
        while (queue.TryDequeue(out var n))
        {
            foreach (var (a, b) in edges)
            {
                var other = a == n ? b : b == n ? a : -1;
                if (other >= 0 && seen.Add(other))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return seen.Count == nodes;
    }
}
