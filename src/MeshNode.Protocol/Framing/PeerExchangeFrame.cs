namespace MeshNode.Protocol.Framing;

/// <summary>Peers the sender knows, so nodes whose hotspot drops broadcast still find each other.</summary>
/// <param name="Peers">At most <c>mesh.link.max-exchanged-peers</c> entries.</param>
public sealed record PeerExchangeFrame(IReadOnlyList<ExchangedPeer> Peers) : LinkMessage;
