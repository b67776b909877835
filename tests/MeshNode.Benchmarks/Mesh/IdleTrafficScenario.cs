using System.Diagnostics;
using MeshNode.Config;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// What an idle mesh keeps sending: 50 nodes on a random 6-regular graph over the in-memory
/// transport with the default settings (a hotspot runs the defaults), converged and then left
/// alone for a measured window. Every frame each node writes is counted off the link framing
/// (<see cref="CountingTransport"/>); small frames are keepalives, large ones envelopes.
/// </summary>
internal static class IdleTrafficScenario
{
    private const int Nodes = 50;
    private const int Degree = 6;

    public static async Task RunAsync()
    {
        var settle = TimeSpan.FromSeconds(5);
        var window = Window();
        await using var cluster = new ScenarioCluster(inMemory: true, countTraffic: true);
        var clock = Stopwatch.StartNew();
        await cluster.StartGraphAsync(Nodes, ScenarioCluster.RandomRegular(Nodes, Degree, seed: 42), s => Defaults(s));
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

        // Start-up bursts (every new link triggers link-state and a database exchange) are not idle traffic.
        await MeasurementWindow.ElapseAsync(settle);
        var before = Take(cluster);
        var (upBefore, downBefore, changesBefore, dupBefore) = Churn(cluster);
        await MeasurementWindow.ElapseAsync(window);
        var traffic = Take(cluster) - before;
        var (up, down, changes, dup) = Churn(cluster);
        var perNode = Nodes * window.TotalSeconds;
        var defaults = MeshSettings.Defaults;
        var keepalives = 2.0 * Degree / defaults.Link.KeepaliveInterval.TotalSeconds;
        var deadLink = Defaults(ScenarioCluster.BaseSettings.Settings).Link.DeadLinkTimeout;
        Print(
            $"Idle control traffic, {Nodes} nodes, random {Degree}-regular graph (seed 42), in-memory transport, default settings, {F(window.TotalSeconds, 0)} s window after convergence + {F(settle.TotalSeconds, 0)} s",
            ["Frames written per node per second", "measured", "note"],
            [
                ["all frames", F((traffic.SmallFrames + traffic.LargeFrames) / perNode), $"{F(traffic.Bytes / perNode / 1024.0, 2)} KiB/s per node"],
                [$"small frames (<= {TrafficCounter.SmallFrameBytes} B: keepalive ping/pong)", F(traffic.SmallFrames / perNode), $"expected {F(keepalives, 1)}: ping + pong per link per keepalive-interval ({defaults.Link.KeepaliveInterval.TotalSeconds} s)"],
                ["large frames (envelopes: link-state; peer exchange)", F(traffic.LargeFrames / perNode), $"reissue-interval {defaults.Topology.ReissueInterval.TotalSeconds} s; flooding sends each record over every link about once"],
                ["duplicate envelopes received", F((dup - dupBefore) / perNode), "the router's DuplicateEnvelopes counter"],
            ]);
        Console.WriteLine($"Dead-link timeout {F(deadLink.TotalSeconds, 0)} s; {convergedText} after {F(converged.TotalSeconds)} s; in the window: {up - upBefore} link-ups, {down - downBefore} link-downs, {changes - changesBefore} TopologyChanged events across the mesh.");
    }

    /// <summary>The window length: 60 s, or MESHBENCH_IDLE_WINDOW seconds.</summary>
    private static TimeSpan Window() =>
        int.TryParse(Environment.GetEnvironmentVariable("MESHBENCH_IDLE_WINDOW"), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(60);

    /// <summary>
    /// The defaults a hotspot user runs, keeping only the lab profile's ephemeral store and quick key
    /// derivation. MESHBENCH_DEAD_LINK_SECONDS raises the dead-link timeout, so that on a machine too
    /// loaded to answer keepalives in time the window measures the mesh's own traffic, not the
    /// traffic of links flapping because their threads were starved.
    /// </summary>
    private static MeshSettings Defaults(MeshSettings lab)
    {
        var defaults = MeshSettings.Defaults with { Node = lab.Node, Store = lab.Store, Security = lab.Security };
        return int.TryParse(Environment.GetEnvironmentVariable("MESHBENCH_DEAD_LINK_SECONDS"), out var seconds) && seconds > 0
            ? defaults with { Link = defaults.Link with { DeadLinkTimeout = TimeSpan.FromSeconds(seconds) } }
            : defaults;
    }

    private static TrafficCounter.Snapshot Take(ScenarioCluster cluster) =>
        cluster.Nodes.Aggregate(default(TrafficCounter.Snapshot), (sum, n) => sum + n.Traffic.Take());

    private static (long Up, long Down, long Changes, long Duplicates) Churn(ScenarioCluster cluster) =>
        (cluster.Nodes.Sum(n => n.LinksUp), cluster.Nodes.Sum(n => n.LinksDown), cluster.Nodes.Sum(n => n.TopologyChanges), cluster.Nodes.Sum(n => n.Counters.DuplicateEnvelopes));
}
