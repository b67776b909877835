using System.Diagnostics;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Duplicate envelopes per node per broadcast on a 50-node random graph of degree 6 over the
/// in-memory transport. The live node floods broadcasts, so this measures flooding; the routing
/// simulation's tree+repair figures are in the Routing section of docs/benchmarks.md.
/// </summary>
internal static class DuplicatesScenario
{
    private const int Nodes = 50;
    private const int Degree = 6;
    private const int Broadcasts = 20;

    public static async Task RunAsync()
    {
        await using var cluster = new ScenarioCluster(inMemory: true);
        var start = Stopwatch.StartNew();
        await cluster.StartGraphAsync(Nodes, ScenarioCluster.RandomRegular(Nodes, Degree, seed: 42));
        await cluster.WaitConvergedAsync();
        var converged = start.Elapsed;

        // Idle window first: topology and keepalive traffic also counts duplicates; measure it to subtract.
        var idleWindow = TimeSpan.FromSeconds(5);
        var idleBefore = Duplicates(cluster);
        await Task.Delay(idleWindow);
        var idleRate = (Duplicates(cluster) - idleBefore) / idleWindow.TotalSeconds;

        var dupBefore = Duplicates(cluster);
        var chatsBefore = cluster.Nodes.Sum(n => n.Chats);
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        for (var i = 0; i < Broadcasts; i++)
        {
            var origin = cluster[random.Next(Nodes)];
            var expected = cluster.Nodes.Sum(n => n.Chats) + (Nodes - 1);
            await origin.Node.SendToAllAsync($"duplicates {i}");
            var deadline = Stopwatch.StartNew();
            while (cluster.Nodes.Sum(n => n.Chats) < expected && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }
        }

        // Let late copies of the last broadcast arrive.
        await Task.Delay(500);
        var elapsed = clock.Elapsed;
        var raw = Duplicates(cluster) - dupBefore;
        var background = idleRate * elapsed.TotalSeconds;
        var delivered = cluster.Nodes.Sum(n => n.Chats) - chatsBefore;
        var perNode = (raw - background) / Nodes / Broadcasts;
        Print(
            $"Duplicates per node per broadcast, {Nodes} nodes, random {Degree}-regular graph (seed 42), in-memory transport, {Broadcasts} broadcasts",
            ["Scheme", "duplicates/node/broadcast", "delivery", "target", "verdict"],
            [
                ["Live node (flooding), background subtracted", F(perNode), $"{delivered}/{Broadcasts * (Nodes - 1)}", "<= 1, full delivery", Met(perNode <= 1 && delivered == Broadcasts * (Nodes - 1))],
                ["Live node (flooding), raw counter", F(raw / (double)Nodes / Broadcasts), "", "", ""],
                ["Pure flooding expectation (degree - 1)", F(Degree - 1, 0), "", "", ""],
            ]);
        Console.WriteLine($"Idle background: {F(idleRate, 1)} duplicate envelopes/s across the mesh (subtracted: {F(background, 0)} of {raw}); start to convergence {F(converged.TotalSeconds)} s.");
        Console.WriteLine("10% link drop is not measured live: the in-memory transport breaks a connection on loss (a byte stream cannot lose one message); see the Routing simulation.");
    }

    private static long Duplicates(ScenarioCluster cluster) => cluster.Nodes.Sum(n => n.Counters.DuplicateEnvelopes);
}
