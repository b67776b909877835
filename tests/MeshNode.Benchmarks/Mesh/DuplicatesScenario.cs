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
    private const int Broadcasts = 100;

    public static async Task RunAsync()
    {
        await using var cluster = new ScenarioCluster(inMemory: true);
        var start = Stopwatch.StartNew();
        await cluster.StartGraphAsync(Nodes, ScenarioCluster.RandomRegular(Nodes, Degree, seed: 42), s => s with { Link = MeshNode.Config.MeshSettings.Defaults.Link });
        var convergedText = "converged";
        try
        {
            await cluster.WaitConvergedAsync();
        }
        catch (TimeoutException)
        {
            convergedText = "NOT converged";
        }

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
        var outstanding = (long)Broadcasts * (Nodes - 1);
        var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var node in cluster.Nodes)
        {
            node.OnChat = _ =>
            {
                if (Interlocked.Decrement(ref outstanding) == 0)
                {
                    allDelivered.TrySetResult();
                }
            };
        }

        for (var i = 0; i < Broadcasts; i++)
        {
            await cluster[random.Next(Nodes)].Node.SendToAllAsync($"duplicates {i}");
        }

        // Sent back to back so the window (and the background subtracted) stays short; a mesh that
        // loses deliveries is reported below rather than waited on for ever.
        try
        {
            await allDelivered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Counted as lost deliveries in the result.
        }

        // Let late copies of the last broadcast arrive.
        await Task.Delay(500);
        var elapsed = clock.Elapsed;
        var raw = Duplicates(cluster) - dupBefore;
        var background = idleRate * elapsed.TotalSeconds;
        var delivered = cluster.Nodes.Sum(n => n.Chats) - chatsBefore;
        Print(
    $"Duplicates per node per broadcast, {Nodes} nodes, random {Degree}-regular graph (seed 42), in-memory transport, {Broadcasts} broadcasts from random origins sent back to back",
    ["Scheme", "duplicates/node/broadcast", "delivery", "target", "verdict"],
    [
        ["Live node (flooding): all duplicate envelopes counted in the window", F(raw / (double)Nodes / Broadcasts), $"{delivered}/{Broadcasts * (Nodes - 1)}", "<= 1, full delivery", Met(raw / (double)Nodes / Broadcasts <= 1 && delivered == Broadcasts * (Nodes - 1))],
                ["Flooding to all links but the arrival one: about degree - 2 (Routing simulation: 4.04)", F(Degree - 2, 0), "", "", ""],
    ]);
        Console.WriteLine($"Window {F(elapsed.TotalSeconds)} s; the counter also counts topology and control duplicates: idle rate just before was {F(idleRate, 1)}/s across the mesh (about {F(background, 0)} of the {raw} if it held, too unsteady to subtract); {convergedText} after {F(converged.TotalSeconds)} s; link timings from the defaults (the lab profile's 1 s dead-link timeout flaps links with 50 nodes on 2 cores).");
        Console.WriteLine("10% link drop is not measured live: the in-memory transport breaks a connection on loss (a byte stream cannot lose one message); see the Routing simulation.");
    }

    private static long Duplicates(ScenarioCluster cluster) => cluster.Nodes.Sum(n => n.Counters.DuplicateEnvelopes);
}
