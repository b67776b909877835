using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Nodes in this process with the lab profile (config/lab.conf when found from the working
/// directory, else the defaults): over loopback TCP, or over one <see cref="InMemoryNetwork"/>.
/// </summary>
internal sealed class ScenarioCluster : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly InMemoryNetwork? _memory;
    private readonly bool _countTraffic;
    private readonly List<ScenarioNode> _nodes = [];

    /// <param name="inMemory">Over one <see cref="InMemoryNetwork"/> instead of loopback TCP.</param>
    /// <param name="countTraffic">Wrap every node's transport in a <see cref="CountingTransport"/> (<see cref="ScenarioNode.Traffic"/>).</param>
    public ScenarioCluster(bool inMemory, bool countTraffic = false)
    {
        _memory = inMemory ? new InMemoryNetwork(seed: 42) : null;
        _countTraffic = countTraffic;
    }

    public IReadOnlyList<ScenarioNode> Nodes => _nodes;

    public ScenarioNode this[int index] => _nodes[index];

    /// <summary>The settings every scenario node starts with, and where they came from.</summary>
    public static (MeshSettings Settings, string Source) BaseSettings { get; } = LoadSettings();

    /// <summary>Starts a node that dials the given already started nodes.</summary>
    public async Task<ScenarioNode> StartAsync(
        string name,
        IEnumerable<ScenarioNode> dial,
        Func<MeshSettings, MeshSettings>? configure = null,
        bool discovery = false)
    {
        var identity = NodeIdentity.Generate(SystemRandomSource.Instance);
        var store = await SqliteMeshStore.OpenEphemeralAsync();
        var settings = BaseSettings.Settings with { Node = BaseSettings.Settings.Node with { Name = name } };
        settings = configure?.Invoke(settings) ?? settings;
        ITransport transport = _memory is null ? new TcpTransport() : _memory.CreateTransport(name);
        var traffic = new TrafficCounter();
        if (_countTraffic)
        {
            transport = new CountingTransport(transport, traffic);
        }

        var node = await MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = settings,
            Identity = identity,
            Store = store,
            Transport = transport,
            ListenEndpoint = new TransportEndpoint(_memory is null ? "127.0.0.1" : name, 0),
            StaticPeers = dial.Select(p => p.Node.ListenEndpoint).ToArray(),
            DiscoveryEnabled = discovery,
            DiscoveryLoopbackOnly = true,
        });
        var running = new ScenarioNode(name, node, identity, store, traffic);
        _nodes.Add(running);
        return running;
    }

    /// <summary>Starts <paramref name="count"/> nodes; node j dials every earlier node i with an edge (i, j).</summary>
    public async Task StartGraphAsync(int count, IReadOnlyCollection<(int A, int B)> edges, Func<MeshSettings, MeshSettings>? configure = null)
    {
        var first = _nodes.Count;
        for (var j = 0; j < count; j++)
        {
            var dial = edges.Where(e => Math.Max(e.A, e.B) == j).Select(e => _nodes[first + Math.Min(e.A, e.B)]).ToArray();
            await StartAsync($"n{j}", dial, configure);
        }
    }

    /// <summary>Waits until every node has a route to every other node.</summary>
    public async Task WaitConvergedAsync()
    {
        var ids = _nodes.Select(n => n.Id).ToArray();
        try
        {
            await Task.WhenAll(_nodes.Select(n => n.WaitUntilReachableAsync(ids, Timeout)));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("no convergence: " + string.Join("; ", _nodes.Select(n => n.Describe())));
        }
    }

    public static IReadOnlyList<(int A, int B)> Line(int count) => Enumerable.Range(0, count - 1).Select(i => (i, i + 1)).ToArray();

    /// <summary>A connected random graph where every node has <paramref name="degree"/> links (pairing model, retried until simple and connected).</summary>
    public static IReadOnlyList<(int A, int B)> RandomRegular(int count, int degree, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var stubs = Enumerable.Range(0, count).SelectMany(n => Enumerable.Repeat(n, degree)).ToArray();
            random.Shuffle(stubs);
            var edges = new HashSet<(int, int)>();
            var simple = true;
            for (var i = 0; i < stubs.Length; i += 2)
            {
                var (a, b) = (Math.Min(stubs[i], stubs[i + 1]), Math.Max(stubs[i], stubs[i + 1]));
                if (a == b || !edges.Add((a, b)))
                {
                    simple = false;
                    break;
                }
            }

            if (simple && Connected(count, edges))
            {
                return edges.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.DisposeAsync().AsTask()));
    }

    private static bool Connected(int count, HashSet<(int A, int B)> edges)
    {
        var seen = new HashSet<int> { 0 };
        var queue = new Queue<int>([0]);
        while (queue.TryDequeue(out var n))
        {
            foreach (var (a, b) in edges.Where(e => e.A == n || e.B == n))
            {
                var other = a == n ? b : a;
                if (seen.Add(other))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return seen.Count == count;
    }

    private static (MeshSettings, string) LoadSettings()
    {
        if (Environment.GetEnvironmentVariable("MESHBENCH_PROFILE") == "defaults")
        {
            return (MeshSettings.Defaults, "built-in defaults (MESHBENCH_PROFILE=defaults)");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var lab = Path.Combine(dir.FullName, "config", "lab.conf");
            if (File.Exists(lab))
            {
                return (MeshSettings.From(MeshConfiguration.Build(lab)), lab);
            }
        }

        return (MeshSettings.Defaults, "built-in defaults (config/lab.conf not found)");
    }
}
