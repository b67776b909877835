using MeshNode.Actors;
using MeshNode.Core.Topology;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Routing;

// Messages of the router actor. Internal to the node.

/// <summary>Tells the router where to deliver envelopes for this node (sent once by the guardian).</summary>
internal sealed record RouterTargets(IActorRef Chat, IActorRef Topology);

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
