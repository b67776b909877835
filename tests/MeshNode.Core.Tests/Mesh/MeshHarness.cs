using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>Nodes in one process over real loopback TCP, each with its own actor system and ephemeral store.</summary>
internal sealed class MeshHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<RunningNode> _nodes = [];
    private readonly List<IDisposable> _owned = [];

    public IReadOnlyList<RunningNode> Nodes => _nodes;

    public RunningNode this[int index] => _nodes[index];

    /// <summary>Starts a node that dials <paramref name="peers"/>; with the identity of <paramref name="reuse"/> when given (a restart).</summary>
    public async Task<RunningNode> StartAsync(
        string name,
        IReadOnlyList<RunningNode>? peers = null,
        NetworkKey? network = null,
        RunningNode? reuse = null,
        Func<MeshSettings, MeshSettings>? configure = null,
        int? discoveryPort = null,
        string? profileDirectory = null)
    {
        var identity = reuse?.Identity ?? NodeIdentity.Generate(SystemRandomSource.Instance);
        if (reuse is null)
        {
            _owned.Add(identity);
        }

        var store = profileDirectory is null ? await SqliteMeshStore.OpenEphemeralAsync() : await SqliteMeshStore.OpenAsync(profileDirectory);
        var defaults = MeshSettings.Defaults;
        var settings = defaults with { Node = defaults.Node with { Name = name } };
        if (discoveryPort is { } port)
        {
            settings = settings with { Discovery = settings.Discovery with { Enabled = true, Port = port } };
        }

        settings = configure?.Invoke(settings) ?? settings;
        var node = await MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = settings,
            Identity = identity,
            Store = store,
            Transport = new TcpTransport(),
            ListenEndpoint = new TransportEndpoint("127.0.0.1", 0),
            Network = network,
            StaticPeers = (peers ?? []).Select(p => p.Node.ListenEndpoint).ToArray(),
            DiscoveryEnabled = discoveryPort is not null,
            DiscoveryLoopbackOnly = true,
        });
        var running = new RunningNode(name, identity, node, store, new NodeRecorder(node));
        _nodes.Add(running);
        return running;
    }

    /// <summary>Starts a line n0 - n1 - ... (each dials the one before it) and waits until every node sees all of them.</summary>
    public async Task StartLineAsync(int count, bool ring = false)
    {
        for (var i = 0; i < count; i++)
        {
            var peers = new List<RunningNode>();
            if (i > 0)
            {
                peers.Add(_nodes[i - 1]);
            }

            if (ring && i == count - 1 && count > 2)
            {
                peers.Add(_nodes[0]);
            }

            await StartAsync($"n{i}", peers);
        }

        await Task.WhenAll(_nodes.Select(n => n.WaitUntilReachableAsync(_nodes.Where(o => o != n))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync();
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
