using MeshNode.Core.Transport;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

/// <summary>Who is at the other end of an established link, as its handshake proved.</summary>
/// <param name="Id">The peer's node id.</param>
/// <param name="Name">Its display name (untrusted text).</param>
/// <param name="IdentityKey">Its Ed25519 identity key.</param>
/// <param name="SealingKey">Its X25519 sealing key, signed by the identity.</param>
/// <param name="Endpoint">The remote endpoint of the connection.</param>
/// <param name="Inbound">True when the peer dialed us.</param>
internal sealed record LinkPeer(
    NodeId Id,
    string Name,
    ReadOnlyMemory<byte> IdentityKey,
    ReadOnlyMemory<byte> SealingKey,
    TransportEndpoint Endpoint,
    bool Inbound)
{
    /// <summary>The node that initiated this connection (the tie-break keeps the one initiated by the smaller id).</summary>
    public NodeId InitiatorId(NodeId self) => Inbound ? Id : self;
}
