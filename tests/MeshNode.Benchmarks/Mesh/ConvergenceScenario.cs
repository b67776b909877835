using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Time for 10 nodes with UDP discovery only (no static peers) to find each other and converge the topology.</summary>
internal static class ConvergenceScenario
{
    private const int Nodes = 10;
    private const int Runs = 3;

    public static async Task RunAsync()
    {
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var port = FreeUdpPort();
            await using var cluster = new ScenarioCluster(inMemory: false);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Nodes; i++)
            {
                await cluster.StartAsync($"n{i}", [], s => s with { Discovery = s.Discovery with { Enabled = true, Port = port } }, discovery: true);
            }

            await cluster.WaitConvergedAsync();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        var d = ScenarioCluster.BaseSettings.Settings.Discovery;
        Print(
            $"Discovery and topology convergence, {Nodes} nodes, loopback TCP + UDP discovery (interval {d.Interval.TotalMilliseconds} ms), {Runs} runs",
            ["Measure", "seconds"],
            [
                ["First node start -> every node routes to every other (median)", F(Quantile(times, 0.5))],
                ["Fastest / slowest run", $"{F(times[0])} / {F(times[^1])}"],
            ]);
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
