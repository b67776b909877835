using System.Threading.Channels;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Node;

/// <summary>
/// A running mesh node as its front ends see it: public commands and an event stream. Front ends
/// never reach into the node's actors. Commands fail with <see cref="NodeCommandException"/>
/// (unknown peer, bad input) and never take the node down.
/// </summary>
public interface IMeshNode : IAsyncDisposable
{
    /// <summary>This node's id (hex), as in <see cref="NodeStarted"/>.</summary>
    string NodeId { get; }

    /// <summary>This node's display name.</summary>
    string Name { get; }

    /// <summary>This node's fingerprint, for reading aloud.</summary>
    string Fingerprint { get; }

    /// <summary>The TCP endpoint the node listens on (the real port when 0 was asked for).</summary>
    TransportEndpoint ListenEndpoint { get; }

    /// <summary>
    /// Every node event in order. One reader; bounded, and when a slow reader lets it fill, the
    /// oldest events are dropped and a <see cref="NodeWarning"/> says how many.
    /// </summary>
    ChannelReader<NodeEvent> Events { get; }

    /// <summary>Sends a chat message to everyone on the mesh.</summary>
    Task<SendOutcome> SendToAllAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Sends a chat message sealed end to end to one peer, by name or id (prefix).</summary>
    Task<SendOutcome> SendDirectAsync(string nameOrId, string text, CancellationToken cancellationToken = default);

    /// <summary>The peers the node knows, linked or not.</summary>
    Task<IReadOnlyList<PeerView>> GetPeersAsync(CancellationToken cancellationToken = default);

    /// <summary>The current topology graph.</summary>
    Task<TopologyView> GetTopologyAsync(CancellationToken cancellationToken = default);

    /// <summary>Traces the path to a peer by name or id.</summary>
    Task<TraceView> TraceAsync(string nameOrId, CancellationToken cancellationToken = default);

    /// <summary>The node's own state: security mode, links, known peers and the outbox size.</summary>
    Task<NodeStatusView> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest <paramref name="limit"/> stored messages of one conversation, oldest first:
    /// <paramref name="peerNameOrId"/> null for the everyone channel, else a peer by name or id
    /// (its direct conversation). Ephemeral nodes keep history only while they run.
    /// </summary>
    Task<IReadOnlyList<ChatHistoryItem>> GetHistoryAsync(string? peerNameOrId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Dials a peer at an endpoint (a static peer added at run time).</summary>
    Task ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken = default);

    /// <summary>Accepts a peer's current key after the user compared the fingerprint out of band.</summary>
    Task TrustAsync(string nameOrId, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Leaves cleanly: links closed with a reason, store flushed, actors stopped.</summary>
    Task StopAsync();
}
