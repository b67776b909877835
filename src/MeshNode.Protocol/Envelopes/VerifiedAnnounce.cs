using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// A discovery announce whose signature, node id and timestamp have been checked. The caller still
/// decides whether it is its own (<see cref="NodeId"/>) and whether it belongs to its network
/// (<see cref="NetworkTag"/>, compared with <c>NetworkKey.MatchesTag</c>; empty on open networks).
/// </summary>
/// <param name="NodeId">The sender, derived from <paramref name="IdentityPublicKey"/> and equal to the announced id.</param>
/// <param name="IdentityPublicKey">The sender's 32-byte Ed25519 key.</param>
/// <param name="SealingPublicKey">The sender's 32-byte X25519 key, authenticated by the announce signature.</param>
/// <param name="Name">Display name, at most 64 UTF-8 bytes; untrusted text, escape before display.</param>
/// <param name="Endpoints">Where it listens, at most 8.</param>
/// <param name="ProtocolVersion">Always the supported version (others are refused).</param>
/// <param name="NetworkTag">8 bytes in passphrase mode, empty on an open network.</param>
/// <param name="NetworkSalt">16 bytes in passphrase mode, empty on an open network.</param>
/// <param name="Timestamp">The sender's clock when signed.</param>
/// <param name="Encoded">The SignedAnnounce exactly as received, for peer exchange.</param>
public sealed record VerifiedAnnounce(
    NodeId NodeId,
    ReadOnlyMemory<byte> IdentityPublicKey,
    ReadOnlyMemory<byte> SealingPublicKey,
    string Name,
    IReadOnlyList<PeerEndpoint> Endpoints,
    uint ProtocolVersion,
    ReadOnlyMemory<byte> NetworkTag,
    ReadOnlyMemory<byte> NetworkSalt,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Encoded);
