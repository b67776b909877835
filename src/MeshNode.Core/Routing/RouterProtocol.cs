using MeshNode.Actors;
using MeshNode.Core.Topology;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Routing;

// Messages of the router actor. Internal to the node.

/// <summary>
/// Tells the router where to deliver envelopes for this node (sent once by the guardian);
/// <paramref name="Trace"/> takes TraceRequest and TraceReply bodies (none: they are not read).
/// </summary>
internal sealed record RouterTargets(IActorRef Chat, IActorRef Topology, IActorRef? Trace = null);

/// <summary>An envelope made on this node, to send into the mesh.</summary>
internal sealed record RouteEnvelope(VerifiedEnvelope Envelope);

/// <summary>A verified envelope for this node, delivered by the router; <paramref name="From"/> is the link it arrived on.</summary>
internal sealed record DeliverEnvelope(VerifiedEnvelope Envelope, NodeId From);

/// <summary>The topology actor's new graph snapshot.</summary>
internal sealed record TopologyUpdated(TopologyGraph Graph);

/// <summary>Asks the router which peers are linked now; answered with <see cref="LinkedPeers"/>.</summary>
internal sealed record GetLinkedPeers
{
    /// <summary>The one instance.</summary>
    public static readonly GetLinkedPeers Instance = new();
}

/// <summary>The peers linked now.</summary>
internal sealed record LinkedPeers(IReadOnlyList<NodeId> Peers);

/// <summary>A broadcast digest frame arrived on the link to <paramref name="From"/>.</summary>
internal sealed record InboundDigest(NodeId From, BroadcastDigestFrame Frame);

/// <summary>A broadcast pull frame arrived on the link to <paramref name="From"/>.</summary>
internal sealed record InboundPull(NodeId From, BroadcastPullFrame Frame);

/// <summary>Asks the router for its <see cref="RouterStats"/>.</summary>
internal sealed record GetRouterStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetRouterStats Instance = new();
}

/// <summary>A snapshot of <see cref="RouterStatistics"/> plus the repair tracker's and relay queue's own figures.</summary>
internal sealed record RouterStats(
    long DuplicateBroadcasts,
    long DuplicateChatBroadcasts,
    long PayloadsSent,
    long DigestEntriesSent,
    long PullEntriesSent,
    long PullsServed,
    long PullsMissed,
    long PullsRateLimited,
    long DigestsDropped,
    long PullsGivenUp,
    long RelayHeld,
    long RelayReleased,
    long RelayDropped,
    int RelayQueued,
    long RepeatedDirected);
