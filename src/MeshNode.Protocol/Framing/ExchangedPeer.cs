using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Framing;

/// <summary>
/// One entry of a <see cref="PeerExchangeFrame"/>. The endpoints are dialling hints only (the Noise
/// handshake authenticates whoever answers); <see cref="SignedAnnounce"/>, when present, is that
/// peer's own signed announce and must go through <c>AnnounceCodec.Verify</c> before use.
/// </summary>
/// <param name="NodeId">The peer's id.</param>
/// <param name="Endpoints">Where it was reachable, at most 8.</param>
/// <param name="LastSeenUnixMs">When the sender last heard from it.</param>
/// <param name="SignedAnnounce">Its last SignedAnnounce exactly as received, or empty.</param>
public sealed record ExchangedPeer(
    NodeId NodeId,
    IReadOnlyList<PeerEndpoint> Endpoints,
    long LastSeenUnixMs,
    ReadOnlyMemory<byte> SignedAnnounce);
