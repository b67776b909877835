using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Idle RSS of one headless node (the real program as a child process) beside a bare .NET process
/// holding two sockets (this harness's own assembly in <c>mesh bare</c> mode, which loads neither
/// the node nor BenchmarkDotNet).
/// </summary>
internal static class IdleRssScenario
{
    private const string Ready = "bare_ready";

    public static async Task RunAsync()
    {
        var meshnode = Environment.GetEnvironmentVariable("MESHNODE_DLL")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "MeshNode.Cli", "release", "meshnode.dll"));
        if (!File.Exists(meshnode))
        {
            Console.WriteLine($"idle-rss: {meshnode} not found; build src/MeshNode.Cli -c Release with the same ArtifactsPath or set MESHNODE_DLL.");
            return;
        }

        var node = await MeasureAsync(meshnode, ["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0"], "node_started");
        var bare = await MeasureAsync(typeof(IdleRssScenario).Assembly.Location, ["mesh", "bare"], Ready);
        Print(
            "Idle RSS of one headless node (child process, RSS polled once a second until two readings agree within 1%)",
            ["Process", "VmRSS MiB", "target", "verdict"],
            [
                ["meshnode run --headless --ephemeral --no-discovery --port 0", F(node / 1048576.0, 1), "< 40 MiB", Met(node < 40 * 1048576L)],
                ["Baseline: bare .NET process with a TCP listener and a UDP socket", F(bare / 1048576.0, 1), "", ""],
            ]);
    }

    /// <summary>The bare baseline process: two sockets, a line on stdout, then idle until stdin closes.</summary>
    public static int RunBare()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        tcp.Listen(1);
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Console.WriteLine(Ready);
        Console.In.ReadToEnd();
        return 0;
    }

    private static async Task<long> MeasureAsync(string dll, string[] args, string readyMarker)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start dotnet {dll}");
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.Contains(readyMarker, StringComparison.Ordinal))
            {
            }

            _ = process.StandardOutput.ReadToEndAsync();
            long previous = 0;
            long current = ProcessMemory.RssBytes(process.Id);
            for (var i = 0; i < 15 && Math.Abs(current - previous) > current / 100; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                previous = current;
                current = ProcessMemory.RssBytes(process.Id);
            }

            return current;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
