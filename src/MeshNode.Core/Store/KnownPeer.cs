namespace MeshNode.Core.Store;

/// <summary>A peer the store remembers, with its pinned keys.</summary>
/// <param name="NodeId">The peer's node id as text.</param>
/// <param name="DisplayName">The last name it announced.</param>
/// <param name="IdentityKey">The pinned Ed25519 identity key: the one messages are checked against.</param>
/// <param name="SealingKey">The pinned X25519 sealing key.</param>
/// <param name="FirstSeen">When it was first seen.</param>
/// <param name="LastSeen">When it was last seen.</param>
/// <param name="LastEndpoints">Where it was last reachable.</param>
/// <param name="TrustState">Pinned, verified, or key changed.</param>
/// <param name="PendingIdentityKey">The changed identity key waiting for <see cref="IMeshStore.TrustAsync"/>, if any.</param>
/// <param name="PendingSealingKey">The changed sealing key waiting with it, if any.</param>
public sealed record KnownPeer(
    string NodeId,
    string DisplayName,
    byte[] IdentityKey,
    byte[] SealingKey,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> LastEndpoints,
    PeerTrustState TrustState,
    byte[]? PendingIdentityKey,
    byte[]? PendingSealingKey);
