using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Idle RSS of one headless node (the real program as a child process) beside two baselines run
/// in the same run: the node library alone in a bare process (<c>mesh bare-node</c>: the same node
/// without the command line and host around it) and a bare .NET process holding two sockets
/// (<c>mesh bare</c>). Both baselines are this harness's own assembly, which loads neither
/// BenchmarkDotNet nor anything else it does not call. Each row breaks RSS down by kind.
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

        // The shipped binary: `dotnet publish src/MeshNode.Cli -c Release -r linux-x64 -p:PublishTrimmed=true`
        // (self-contained, trimmed), found under the same artifacts folder or given by MESHNODE_PUBLISHED.
        var published = Environment.GetEnvironmentVariable("MESHNODE_PUBLISHED")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "publish", "MeshNode.Cli", "release_linux-x64", "meshnode"));
        var self = typeof(IdleRssScenario).Assembly.Location;
        string[] nodeArgs = ["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0"];
        Measured? shipped = File.Exists(published) ? await MeasureAsync(published, nodeArgs, "node_started") : null;
        var node = await MeasureAsync(meshnode, nodeArgs, "node_started");
        var library = await MeasureAsync(self, ["mesh", "bare-node"], Ready);
        var bare = await MeasureAsync(self, ["mesh", "bare"], Ready);
        Print(
            "Idle RSS of one headless node (child processes, RSS sampled once a second until two readings agree within 1%), MiB",
            ["Process", "VmRSS", "assemblies", "native libs", "JIT + type data", "heaps + stacks", "threads", "target", "verdict"],
            [
                .. shipped is { } trimmed
                    ? new[] { Row("published meshnode (self-contained, trimmed), same command", trimmed, "< 40 MiB", Met(trimmed.Rss < 40 * 1048576L)) }
                    : [],
                Row("meshnode run --headless --ephemeral --no-discovery --port 0 (dotnet meshnode.dll)", node, shipped is null ? "< 40 MiB" : "", shipped is null ? Met(node.Rss < 40 * 1048576L) : ""),
                Row($"Node library alone: MeshNodeHost.StartAsync, same settings, no CLI host{library.Note}", library, "", ""),
                Row("Baseline: bare .NET process with a TCP listener and a UDP socket", bare, "", ""),
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

    /// <summary>
    /// The node library alone: the built-in defaults, an ephemeral store, TCP on loopback port 0,
    /// no discovery; reports the GC heap after start-up on its ready line, then idles until stdin closes.
    /// </summary>
    public static async Task<int> RunBareNodeAsync()
    {
        using var identity = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        await using var node = await MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = MeshSettings.Defaults,
            Identity = identity,
            Store = store,
            Transport = new TcpTransport(),
            ListenEndpoint = new TransportEndpoint("127.0.0.1", 0),
            DiscoveryEnabled = false,
        });
        GC.Collect();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Ready} gc_heap={info.HeapSizeBytes} gc_committed={info.TotalCommittedBytes}"));
        await Console.In.ReadToEndAsync();
        await node.StopAsync();
        return 0;
    }

    private static string[] Row(string name, Measured m, string target, string verdict) =>
    [
        name, Mib(m.Rss), Mib(m.Kinds.Assemblies), Mib(m.Kinds.NativeLibraries), Mib(m.Kinds.RuntimeCode), Mib(m.Kinds.Other),
        m.Threads.ToString(CultureInfo.InvariantCulture), target, verdict,
    ];

    private static string Mib(long bytes) => F(bytes / 1048576.0, 1);

    private static async Task<Measured> MeasureAsync(string dll, string[] args, string readyMarker)
    {
        // A .dll runs under the dotnet host; anything else is a self-contained executable.
        var hosted = dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(hosted ? "dotnet" : dll) { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        if (hosted)
        {
            start.ArgumentList.Add(dll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start dotnet {dll}");
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? ready;
            while ((ready = await process.StandardOutput.ReadLineAsync(timeout.Token)) is { } line && !line.Contains(readyMarker, StringComparison.Ordinal))
            {
            }

            _ = process.StandardOutput.ReadToEndAsync();
            long previous = 0;
            var current = ProcessMemory.RssBytes(process.Id);
            await MeasurementWindow.SampleAsync(TimeSpan.FromSeconds(1), 15, () =>
            {
                previous = current;
                current = ProcessMemory.RssBytes(process.Id);
                return Math.Abs(current - previous) <= current / 100;
            });
            var gc = ready?.Split(' ').Where(p => p.StartsWith("gc_", StringComparison.Ordinal)).ToArray() ?? [];
            var note = gc.Length == 2
                ? string.Create(CultureInfo.InvariantCulture, $" (GC heap {F(long.Parse(gc[0].Split('=')[1], CultureInfo.InvariantCulture) / 1048576.0, 1)} MiB, committed {F(long.Parse(gc[1].Split('=')[1], CultureInfo.InvariantCulture) / 1048576.0, 1)})")
                : string.Empty;
            return new Measured(current, ProcessMemory.Kinds(process.Id), ProcessMemory.StatusKib(process.Id, "Threads:"), note);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private sealed record Measured(long Rss, ProcessMemory.Breakdown Kinds, long Threads, string Note);
}
