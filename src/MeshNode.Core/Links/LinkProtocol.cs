using MeshNode.Actors;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

// Messages between the link actors, their supervisor and the router. Internal to the node.

/// <summary>A link finished its handshake; sent by the link actor to its parent.</summary>
internal sealed record LinkEstablished(LinkPeer Peer, IActorRef Link);

/// <summary>The links supervisor accepted a link (after the tie-break); sent to the router and topology.</summary>
internal sealed record LinkAttached(LinkPeer Peer, IActorRef Link);

/// <summary>A link that was attached is gone.</summary>
internal sealed record LinkDetached(NodeId Peer, IActorRef Link, string Reason);

/// <summary>A signed envelope arrived on a link (not yet verified).</summary>
internal sealed record InboundEnvelope(NodeId From, ReadOnlyMemory<byte> Bytes);

/// <summary>A peer-exchange frame arrived on a link.</summary>
internal sealed record InboundPeerExchange(NodeId From, PeerExchangeFrame Frame, string RemoteHost);

/// <summary>Asks a link actor to send one frame (dropped and counted when its queue is full).</summary>
internal sealed record SendFrame(LinkMessage Message);

/// <summary>Asks a link actor to close with a reason, sending a close frame first.</summary>
internal sealed record CloseLink(LinkCloseReason Reason, string Text);

/// <summary>A new round-trip measurement on a link; sent to the topology actor.</summary>
internal sealed record LinkRttMeasured(NodeId Peer, TimeSpan Rtt);

/// <summary>
/// Asks the links supervisor to dial an endpoint (and keep redialing it when it is static);
/// skipped when <paramref name="Peer"/> is given and already linked.
/// </summary>
internal sealed record DialEndpoint(Transport.TransportEndpoint Endpoint, bool Persistent, NodeId? Peer = null);

/// <summary>
/// A link is about to stop, saying why; sent by the link actor to its parent. <paramref name="Duplicate"/>:
/// the peer closed it because another link between us won the tie-break (the winner may still be handshaking here).
/// </summary>
internal sealed record LinkClosing(IActorRef Link, string Reason, bool Duplicate = false);

/// <summary>The listener accepted a connection; sent to the links supervisor, which owns it from then on.</summary>
internal sealed record InboundConnection(Transport.ITransportConnection Connection);

/// <summary>
/// A handshake actor authenticated its peer and hands over the connection and its transport keys
/// (the receiver owns both from then on); sent to the links supervisor.
/// </summary>
internal sealed record HandshakeCompleted(IActorRef Handshake, Transport.ITransportConnection Connection, Protocol.Handshake.LinkTransport Transport, LinkPeer Peer);

/// <summary>The links supervisor's deadline for a handshake (<c>mesh.link.handshake-timeout</c>) passed; sent to the handshake actor.</summary>
internal sealed record HandshakeTimedOut
{
    /// <summary>The one instance.</summary>
    public static readonly HandshakeTimedOut Instance = new();
}
