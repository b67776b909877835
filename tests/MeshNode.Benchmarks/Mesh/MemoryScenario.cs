using System.Diagnostics;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Memory per node with 100 nodes in this process (in-memory transport, random 4-regular graph).</summary>
internal static class MemoryScenario
{
    private const int Nodes = 100;
    private const int Degree = 4;

    public static async Task RunAsync()
    {
        var (heapBefore, rssBefore) = Measure();
        await using var cluster = new ScenarioCluster(inMemory: true);
        var clock = Stopwatch.StartNew();
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

        var converged = clock.Elapsed;
        // A deliberate settle window (idle traffic after convergence), not a wait for an event.
        await MeasurementWindow.ElapseAsync(TimeSpan.FromSeconds(3));
        var (heapAfter, rssAfter) = Measure();
        Print(
            $"Memory per node, {Nodes} nodes in one process (in-memory transport, random {Degree}-regular graph, ephemeral SQLite stores)",
            ["Measure", "total MiB", "per node KiB"],
            [
                ["Managed heap after full GC (GC.GetTotalMemory)", F((heapAfter - heapBefore) / 1048576.0, 1), F((heapAfter - heapBefore) / 1024.0 / Nodes, 0)],
                ["Process RSS (VmRSS)", F((rssAfter - rssBefore) / 1048576.0, 1), F((rssAfter - rssBefore) / 1024.0 / Nodes, 0)],
            ]);
        Console.WriteLine($"{convergedText} after {F(converged.TotalSeconds)} s; process RSS before {F(rssBefore / 1048576.0, 1)} MiB, after {F(rssAfter / 1048576.0, 1)} MiB; link timings from the defaults.");
    }

    private static (long Heap, long Rss) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (GC.GetTotalMemory(forceFullCollection: true), ProcessMemory.RssBytes(Environment.ProcessId));
    }
}
