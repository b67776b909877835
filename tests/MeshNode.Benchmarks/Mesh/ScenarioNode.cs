using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Protocol.Identity;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>One running node in a scenario: its events are pumped in the background and kept only as counts and waiters (no event log, so memory figures are not inflated).</summary>
internal sealed class ScenarioNode : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(Func<NodeEvent, bool> Match, TaskCompletionSource<NodeEvent> Done)> _waiters = [];
    private readonly NodeIdentity _identity;
    private readonly IMeshStore _store;
    private readonly Task _pump;
    private TopologyView? _topology;
    private long _chats;
    private long _linksUp;
    private long _linksDown;
    private long _topologyChanges;
    private bool _stopped;

    public ScenarioNode(string name, IMeshNode node, NodeIdentity identity, IMeshStore store, TrafficCounter traffic)
    {
        Name = name;
        Traffic = traffic;
        Node = node;
        _identity = identity;
        _store = store;
        _pump = Task.Run(PumpAsync);
    }

    public string Name { get; }

    /// <summary>Frames this node wrote (zero unless the cluster counts traffic).</summary>
    public TrafficCounter Traffic { get; }

    /// <summary>Link-ups seen so far.</summary>
    public long LinksUp => Interlocked.Read(ref _linksUp);

    /// <summary>Link-downs seen so far.</summary>
    public long LinksDown => Interlocked.Read(ref _linksDown);

    /// <summary>Topology changes seen so far.</summary>
    public long TopologyChanges => Interlocked.Read(ref _topologyChanges);

    public IMeshNode Node { get; }

    public string Id => Node.NodeId;

    public long Chats => Interlocked.Read(ref _chats);

    /// <summary>A one-line state for diagnostics: links up and down so far, nodes reachable now.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            var reachable = _topology?.Nodes.Where(n => n.Hops is not null).Select(n => $"{n.Name}/{n.Hops}") ?? [];
            return $"{Name} ({Id}, self {_topology?.Self}): links up {Interlocked.Read(ref _linksUp)}, down {Interlocked.Read(ref _linksDown)}, reachable {string.Join(",", reachable)}";
        }
    }

    /// <summary>Called on the pump thread for every chat message received.</summary>
    public Action<ChatReceived>? OnChat { get; set; }

    public NodeCounters Counters => ((MeshNodeInstance)Node).Counters;

    public Task<NodeEvent> WaitForAsync(Func<NodeEvent, bool> match, TimeSpan timeout)
    {
        TaskCompletionSource<NodeEvent> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>Completes when this node's topology has a route (hop count) to every id given.</summary>
    public Task WaitUntilReachableAsync(IReadOnlyCollection<string> ids, TimeSpan timeout)
    {
        bool Reaches(TopologyView t) => ids.All(id => id == Id || t.Nodes.Any(n => n.NodeId == id && n.Hops is not null));
        lock (_lock)
        {
            if (_topology is { } current && Reaches(current))
            {
                return Task.CompletedTask;
            }

            TaskCompletionSource<NodeEvent> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((e => e is TopologyChanged t && Reaches(t.Topology), done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Node.StopAsync();
        await _store.DisposeAsync();
        _identity.Dispose();
        await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpAsync()
    {
        await foreach (var e in Node.Events.ReadAllAsync())
        {
            if (e is LinkUp)
            {
                Interlocked.Increment(ref _linksUp);
            }
            else if (e is LinkDown)
            {
                Interlocked.Increment(ref _linksDown);
            }

            if (e is ChatReceived chat)
            {
                Interlocked.Increment(ref _chats);
                OnChat?.Invoke(chat);
            }

            lock (_lock)
            {
                if (e is TopologyChanged t)
                {
                    _topology = t.Topology;
                    Interlocked.Increment(ref _topologyChanges);
                }

                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Match(e))
                    {
                        _waiters[i].Done.TrySetResult(e);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }
    }
}
