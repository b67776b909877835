using System.Diagnostics;
using MeshNode.Core.Node;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Chat latency end to end across a 10-node line (9 hops), beside raw loopback TCP relaying the same number of bytes hop by hop.</summary>
internal static class LatencyScenario
{
    private const int Nodes = 10;
    private const int Warmup = 30;
    private const int Samples = 300;
    private const int BaselineBytes = 300;

    public static async Task RunAsync()
    {
        await using var cluster = new ScenarioCluster(inMemory: false);
        var started = Stopwatch.StartNew();
        await cluster.StartGraphAsync(Nodes, ScenarioCluster.Line(Nodes));
        await cluster.WaitConvergedAsync();
        var converged = started.Elapsed;

        var head = cluster[0];
        var tail = cluster[Nodes - 1];
        var mesh = new List<double>();
        ChatReceived? last = null;
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var text = $"latency {i}";
            var arrived = tail.WaitForAsync(e => e is ChatReceived c && c.Text == text, ScenarioCluster.Timeout);
            var clock = Stopwatch.StartNew();
            await head.Node.SendToAllAsync(text);
            last = (ChatReceived)await arrived;
            if (i >= Warmup)
            {
                mesh.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var raw = await MeasureRawAsync();
        mesh.Sort();
        raw.Sort();
        var median = Quantile(mesh, 0.5);
        Print(
            $"Chat latency across a {Nodes}-node line ({Nodes - 1} hops, loopback TCP, {Samples} messages after {Warmup} warm-up, one at a time)",
            ["Path", "median ms", "p99 ms", "max ms", "target", "verdict"],
            [
                ["MeshNode SendToAllAsync -> ChatReceived at the far end", F(median, 3), F(Quantile(mesh, 0.99), 3), F(mesh[^1], 3), "median < 5 ms", Met(median < 5)],
                [$"Baseline: raw TCP relays copying {BaselineBytes} bytes hop by hop", F(Quantile(raw, 0.5), 3), F(Quantile(raw, 0.99), 3), F(raw[^1], 3), "", ""],
            ]);
        Console.WriteLine($"Hops reported by the last message: {last?.Hops}; line start to full topology convergence (static peers): {F(converged.TotalSeconds)} s; mesh.router.hop-limit = {ScenarioCluster.BaseSettings.Settings.Router.HopLimit}.");
    }

    private static async Task<List<double>> MeasureRawAsync()
    {
        await using var line = await RawTcpLine.StartAsync(Nodes);
        var message = new byte[BaselineBytes];
        var received = new byte[BaselineBytes];
        var samples = new List<double>();
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await line.Head.WriteAsync(message);
            await line.Tail.ReadExactlyAsync(received);
            if (i >= Warmup)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return samples;
    }
}
