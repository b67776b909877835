using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Routing;

/// <summary>
/// The duplicate target, checked on the simulation: 50 nodes, random graph of degree 6,
/// every node originating broadcasts in turn, fixed seeds.
/// </summary>
public sealed class BroadcastSimulationTests(ITestOutputHelper output)
{
    private const int Nodes = 50;
    private const int Degree = 6;
    private const int GraphSeed = 2026;
    private const int DropSeed = 7;
    private const int Rounds = 4;

    [Fact]
    public void Flooding_reaches_everyone_with_about_degree_minus_two_duplicates()
    {
        var result = Simulation().Run(BroadcastScheme.Flooding, 0, DropSeed, Rounds);
        output.WriteLine(result.ToString());

        Assert.Equal(1.0, result.FullDeliveryRatio);
        // Each node hears a copy from every neighbour but its tree children: about degree - 1
        // copies, degree - 2 duplicates.
        Assert.InRange(result.DuplicatesPerNodePerBroadcast, Degree - 2.5, Degree - 1.0);
    }

    [Fact]
    public void Tree_with_repair_reaches_everyone_without_duplicates_when_nothing_is_lost()
    {
        var result = Simulation().Run(BroadcastScheme.TreeWithRepair, 0, DropSeed, Rounds);
        output.WriteLine(result.ToString());

        Assert.Equal(1.0, result.FullDeliveryRatio);
        Assert.Equal(0.0, result.DuplicatesPerNodePerBroadcast);
        Assert.Equal(0.0, result.PullSendsPerBroadcast);
        // One payload per node: a spanning tree.
        Assert.Equal(Nodes - 1, result.PayloadSendsPerBroadcast);
    }

    [Fact]
    public void Tree_with_repair_matches_flooding_delivery_under_ten_percent_drop_with_at_most_one_duplicate()
    {
        var flooding = Simulation().Run(BroadcastScheme.Flooding, 0.10, DropSeed, Rounds);
        var treeOnly = Simulation().Run(BroadcastScheme.TreeOnly, 0.10, DropSeed, Rounds);
        var repaired = Simulation().Run(BroadcastScheme.TreeWithRepair, 0.10, DropSeed, Rounds);
        output.WriteLine(flooding.ToString());
        output.WriteLine(treeOnly.ToString());
        output.WriteLine(repaired.ToString());

        Assert.True(repaired.DuplicatesPerNodePerBroadcast <= 1.0, $"{repaired.DuplicatesPerNodePerBroadcast} duplicates per node");
        // Stated margin: at most 0.5 percentage points of delivery below flooding.
        Assert.True(repaired.DeliveryRatio >= flooding.DeliveryRatio - 0.005, $"{repaired.DeliveryRatio} vs flooding {flooding.DeliveryRatio}");
        // The tree alone loses whole subtrees; the pulls are what close the gap.
        Assert.True(treeOnly.DeliveryRatio < repaired.DeliveryRatio - 0.05, $"tree only {treeOnly.DeliveryRatio}");
    }

    /// <summary>
    /// Other sizes and degrees. On a sparse mesh (degree 3) flooding itself loses up to 1% at 10%
    /// drop, and the tree's losses come in whole subtrees, so one seed's figures swing either way
    /// (six seeds: flooding 99.0-99.95%, tree with repair 98.4-99.8%) while the means agree (3
    /// graphs x 8 seeds x 150 broadcasts: 99.593% and 99.596%); the stated margin there is 1.5 points.
    /// </summary>
    [Theory]
    [InlineData(30, 3, 11, 0.015)]
    [InlineData(50, 6, 12, 0.005)]
    [InlineData(60, 10, 13, 0.005)]
    [InlineData(100, 4, 14, 0.005)]
    public void Tree_with_repair_holds_its_targets_on_other_random_meshes(int nodes, int degree, int seed, double margin)
    {
        var topology = SimulatedTopology.Random(nodes, degree, seed);
        var lossless = new BroadcastSimulation(topology).Run(BroadcastScheme.TreeWithRepair, 0, seed);
        var flooding = new BroadcastSimulation(topology).Run(BroadcastScheme.Flooding, 0.10, seed, rounds: 3);
        var lossy = new BroadcastSimulation(topology).Run(BroadcastScheme.TreeWithRepair, 0.10, seed, rounds: 3);
        output.WriteLine(lossless.ToString());
        output.WriteLine(flooding.ToString());
        output.WriteLine(lossy.ToString());

        Assert.Equal(1.0, lossless.FullDeliveryRatio);
        Assert.Equal(0.0, lossless.DuplicatesPerNodePerBroadcast);
        Assert.True(lossy.DuplicatesPerNodePerBroadcast <= 1.0, $"{lossy.DuplicatesPerNodePerBroadcast} duplicates per node");
        Assert.True(lossy.DeliveryRatio >= flooding.DeliveryRatio - margin, $"{lossy.DeliveryRatio} vs flooding {flooding.DeliveryRatio}");
    }

    [Fact]
    public void Tree_with_repair_stays_within_a_point_of_flooding_at_twenty_percent_drop()
    {
        var flooding = Simulation().Run(BroadcastScheme.Flooding, 0.20, DropSeed, Rounds);
        var repaired = Simulation().Run(BroadcastScheme.TreeWithRepair, 0.20, DropSeed, Rounds);
        output.WriteLine(flooding.ToString());
        output.WriteLine(repaired.ToString());

        Assert.True(repaired.DuplicatesPerNodePerBroadcast <= 1.0, $"{repaired.DuplicatesPerNodePerBroadcast} duplicates per node");
        Assert.True(repaired.DeliveryRatio >= flooding.DeliveryRatio - 0.01, $"{repaired.DeliveryRatio} vs flooding {flooding.DeliveryRatio}");
    }

    [Fact]
    public void Gives_the_same_figures_for_the_same_seeds()
    {
        var first = Simulation().Run(BroadcastScheme.TreeWithRepair, 0.10, DropSeed);
        var second = Simulation().Run(BroadcastScheme.TreeWithRepair, 0.10, DropSeed);
        var otherSeed = Simulation().Run(BroadcastScheme.TreeWithRepair, 0.10, DropSeed + 1);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Theory]
    [InlineData("line")]
    [InlineData("ring")]
    [InlineData("star")]
    [InlineData("grid")]
    public void Every_scheme_reaches_everyone_on_regular_topologies(string shape)
    {
        foreach (var scheme in Enum.GetValues<BroadcastScheme>())
        {
            var result = new BroadcastSimulation(Shape(shape)).Run(scheme, 0, DropSeed);
            output.WriteLine($"{shape}: {result}");

            Assert.Equal(1.0, result.FullDeliveryRatio);
            if (scheme != BroadcastScheme.Flooding)
            {
                Assert.Equal(0.0, result.DuplicatesPerNodePerBroadcast);
            }
        }
    }

    [Theory]
    [InlineData(BroadcastScheme.Flooding)]
    [InlineData(BroadcastScheme.TreeOnly)]
    [InlineData(BroadcastScheme.TreeWithRepair)]
    public void Respects_the_hop_limit(BroadcastScheme scheme)
    {
        var simulation = new BroadcastSimulation(SimulatedTopology.Line(10)) { HopLimit = 3 };

        var outcome = simulation.RunOne(scheme, 0, 0, new Random(DropSeed));

        Assert.Equal([true, true, true, true, false, false, false, false, false, false], outcome.Received);
    }

    [Fact]
    public void Hop_limit_holds_for_pulled_copies_too()
    {
        // Under heavy loss, copies arrive by pulls; none may travel past the limit.
        var simulation = new BroadcastSimulation(SimulatedTopology.Grid(5, 5)) { HopLimit = 2 };
        var random = new Random(DropSeed);
        for (var i = 0; i < 50; i++)
        {
            var outcome = simulation.RunOne(BroadcastScheme.TreeWithRepair, 12, 0.3, random);
            for (var node = 0; node < 25; node++)
            {
                var distance = Math.Abs((node % 5) - 2) + Math.Abs((node / 5) - 2);
                Assert.False(outcome.Received[node] && distance > 2, $"node {node} at distance {distance} received");
            }
        }
    }

    [Fact]
    public void A_removed_node_is_routed_around_on_the_next_snapshot()
    {
        var ring = SimulatedTopology.Ring(8);
        var simulation = new BroadcastSimulation(ring);
        var keys = ring.Keys;
        Assert.Equal(keys[1], simulation.GraphOf(0).Paths.NextHop(keys[2]));

        simulation.RemoveNode(1, republish: true);

        Assert.Equal(keys[7], simulation.GraphOf(0).Paths.NextHop(keys[2]));
        Assert.Equal(6, simulation.GraphOf(0).Paths.HopCount(keys[2]));
        var result = simulation.Run(BroadcastScheme.TreeWithRepair, 0, DropSeed);
        Assert.Equal(1.0, result.FullDeliveryRatio);
        Assert.Equal(0.0, result.DuplicatesPerNodePerBroadcast);
    }

    [Fact]
    public void A_removed_node_costs_no_delivery_before_the_next_snapshot()
    {
        var simulation = Simulation();

        // Links are down but no database knows yet: nodes whose tree child vanished flood.
        simulation.RemoveNode(3, republish: false);
        var result = simulation.Run(BroadcastScheme.TreeWithRepair, 0, DropSeed);
        output.WriteLine(result.ToString());

        Assert.Equal(1.0, result.FullDeliveryRatio);
    }

    private static BroadcastSimulation Simulation() => new(SimulatedTopology.Random(Nodes, Degree, GraphSeed));

    private static SimulatedTopology Shape(string shape) => shape switch
    {
        "line" => SimulatedTopology.Line(12),
        "ring" => SimulatedTopology.Ring(12),
        "star" => SimulatedTopology.Star(12),
        _ => SimulatedTopology.Grid(4, 5),
    };
}
