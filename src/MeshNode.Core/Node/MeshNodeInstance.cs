using System.Threading.Channels;
using MeshNode.Actors;
using MeshNode.Core.Chat;
using MeshNode.Core.Links;
using MeshNode.Core.Store;
using MeshNode.Core.Topology;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Core.Node;

/// <summary>
/// The running node behind <see cref="IMeshNode"/>: one actor system per node, commands sent to
/// the node guardian with Ask, events read from the system's event stream into a bounded channel.
/// </summary>
internal sealed class MeshNodeInstance : IMeshNode
{
    private readonly ActorSystem _system;
    private readonly LinkContext _context;
    private readonly FernetCodec? _fernet;
    private readonly ChatPersistence _persistence;
    private readonly Channel<NodeEvent> _events;
    private readonly IMeshStore _store;

    private readonly IDisposable _subscription;
    private IActorRef _guardian = ActorRefs.Nobody;
    private int _stopped;

    public MeshNodeInstance(ActorSystem system, LinkContext context, TransportEndpoint listenEndpoint, FernetCodec? fernet, ChatPersistence persistence, IMeshStore store)
    {
        _store = store;
        _persistence = persistence;
        _system = system;
        _context = context;
        _fernet = fernet;
        ListenEndpoint = listenEndpoint;
        _events = Channel.CreateBounded<NodeEvent>(
            new BoundedChannelOptions(context.Settings.Node.EventBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false });
        _subscription = system.EventStream.Subscribe<NodeEvent>(e => _events.Writer.TryWrite(e));
    }

    public string NodeId => _context.Identity.Id.ToString();

    public string Name => _context.Settings.Node.Name;

    public string Fingerprint => _context.Identity.Fingerprint;

    public TransportEndpoint ListenEndpoint { get; }

    public ChannelReader<NodeEvent> Events => _events.Reader;

    /// <summary>What this node dropped or refused (for tests and diagnostics).</summary>
    internal NodeCounters Counters => _context.Counters;

    /// <summary>The node guardian (for tests).</summary>
    internal IActorRef Guardian => _guardian;

    public Task<SendOutcome> SendToAllAsync(string text, CancellationToken cancellationToken = default) =>
        AskAsync<SendOutcome>(new SendToAll(text), cancellationToken);

    public Task<SendOutcome> SendDirectAsync(string nameOrId, string text, CancellationToken cancellationToken = default) =>
        AskAsync<SendOutcome>(new SendDirect(nameOrId, text), cancellationToken);

    /// <remarks>Hops come from the topology's shortest paths; the RTT is the one this node measured on a direct link.</remarks>
    public async Task<IReadOnlyList<PeerView>> GetPeersAsync(CancellationToken cancellationToken = default)
    {
        var peers = await AskAsync<IReadOnlyList<PeerView>>(GetPeers.Instance, cancellationToken).ConfigureAwait(false);
        var topology = await GetTopologyAsync(cancellationToken).ConfigureAwait(false);
        var hops = topology.Nodes.ToDictionary(n => n.NodeId, n => n.Hops);
        var rtts = topology.Edges
            .Where(e => e.A == topology.Self || e.B == topology.Self)
            .GroupBy(e => e.A == topology.Self ? e.B : e.A)
            .ToDictionary(g => g.Key, g => g.First().Rtt);
        return peers
            .Select(p => p with
            {
                Hops = hops.GetValueOrDefault(p.NodeId),
                Rtt = p.Linked && rtts.TryGetValue(p.NodeId, out var rtt) ? rtt : null,
            })
            .ToArray();
    }

    public Task<TopologyView> GetTopologyAsync(CancellationToken cancellationToken = default) =>
        AskAsync<TopologyView>(GetTopology.Instance, cancellationToken);

    /// <remarks>
    /// Sends a signed TraceRequest envelope through the mesh and waits for the target's TraceReply
    /// (at most <c>mesh.node.trace-timeout</c>). The hops are names (the node id's short form for a
    /// node without a known name), nearest first, the target last; the round trip is measured on
    /// this node's clock from sending the request to reading the reply.
    /// </remarks>
    public async Task<TraceView> TraceAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var peers = await AskAsync<IReadOnlyList<PeerView>>(GetPeers.Instance, cancellationToken).ConfigureAwait(false);
        var target = FindPeer(peers, nameOrId);
        var timeout = _context.Settings.Node.TraceTimeout + _context.Settings.Node.CommandTimeout;
        var result = await AskAsync<Trace.TraceResult>(new Trace.StartTrace(Protocol.Identity.NodeId.Parse(target.NodeId), target.Name), cancellationToken, timeout).ConfigureAwait(false);
        var names = peers.ToDictionary(p => p.NodeId, p => p.Name);
        return new TraceView(
            target.Name,
            result.Path.Select(id => names.GetValueOrDefault(id.ToString()) ?? id.Short).ToArray(),
            result.RoundTrip);
    }

    public async Task<NodeStatusView> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var peers = await AskAsync<IReadOnlyList<PeerView>>(GetPeers.Instance, cancellationToken).ConfigureAwait(false);
        var outbox = await StoreAsync(() => _store.CountOutboxAsync(cancellationToken)).ConfigureAwait(false);
        return new NodeStatusView(_context.Network is null ? "open" : "passphrase", peers.Count(p => p.Linked), peers.Count, outbox);
    }

    public async Task<IReadOnlyList<ChatHistoryItem>> GetHistoryAsync(string? peerNameOrId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var peers = await AskAsync<IReadOnlyList<PeerView>>(GetPeers.Instance, cancellationToken).ConfigureAwait(false);
        var conversation = ChatConversations.All;
        if (peerNameOrId is not null)
        {
            conversation = FindPeer(peers, peerNameOrId).NodeId;
        }

        var names = peers.ToDictionary(p => p.NodeId, p => p.Name);
        names[NodeId] = Name;
        var records = await StoreAsync(() => _store.GetHistoryAsync(conversation, limit, null, cancellationToken)).ConfigureAwait(false);
        return records
            .Reverse()
            .Select(r => new ChatHistoryItem(
                r.MessageId,
                r.Conversation == ChatConversations.All ? "all" : r.Conversation,
                r.FromId,
                names.GetValueOrDefault(r.FromId, r.FromId),
                r.Text,
                r.SentAt,
                ChatSecurity.Label(r.Security),
                r.Hops,
                r.Flags.HasFlag(ChatMessageFlags.Outgoing),
                r.DeliveredAt is not null,
                r.Flags.HasFlag(ChatMessageFlags.Failed),
                r.Flags.HasFlag(ChatMessageFlags.FromChangedKey)))
            .ToArray();
    }

    public Task ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _guardian.Tell(new ConnectTo(endpoint));
        return Task.CompletedTask;
    }

    public async Task TrustAsync(string nameOrId, string fingerprint, CancellationToken cancellationToken = default) =>
        await AskAsync<TrustResult>(new TrustPeer(nameOrId, fingerprint), cancellationToken).ConfigureAwait(false);

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _system.Terminate().ConfigureAwait(false);
        await _persistence.DrainAsync().ConfigureAwait(false);
        _subscription.Dispose();
        _events.Writer.TryComplete();
        _fernet?.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal void Attach(IActorRef guardian) => _guardian = guardian;

    private static PeerView FindPeer(IReadOnlyList<PeerView> peers, string nameOrId) =>
        peers.FirstOrDefault(p => p.NodeId == nameOrId || string.Equals(p.Name, nameOrId, StringComparison.OrdinalIgnoreCase)
            || (nameOrId.Length >= 4 && p.NodeId.StartsWith(nameOrId, StringComparison.OrdinalIgnoreCase)))
        ?? throw new NodeCommandException($"No known peer is called or has the id '{nameOrId}'.");

    private async Task<T> StoreAsync<T>(Func<Task<T>> read)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            throw new NodeCommandException("The node is stopped.");
        }

        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MeshStoreException or ObjectDisposedException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new NodeCommandException($"The store could not be read: {ex.Message}");
        }
    }

    private async Task<T> AskAsync<T>(object command, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            throw new NodeCommandException("The node is stopped.");
        }

        try
        {
            return await _guardian.Ask<T>(command, timeout ?? _context.Settings.Node.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException ex)
        {
            throw new NodeCommandException($"The node did not answer within mesh.node.command-timeout ({_context.Settings.Node.CommandTimeout.TotalSeconds} s): {ex.Message}");
        }
    }
}
