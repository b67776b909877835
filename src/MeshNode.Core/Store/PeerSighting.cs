namespace MeshNode.Core.Store;

/// <summary>What a peer presented when it was seen (announce or handshake): the input of a TOFU check.</summary>
/// <param name="NodeId">The peer's node id as text.</param>
/// <param name="DisplayName">The name it announces (not unique, not trusted).</param>
/// <param name="IdentityKey">Its Ed25519 identity public key.</param>
/// <param name="SealingKey">Its X25519 public key for end-to-end sealing.</param>
/// <param name="SeenAt">When it was seen.</param>
/// <param name="Endpoints">Where it can be reached, as <c>host:port</c> texts.</param>
public sealed record PeerSighting(
    string NodeId,
    string DisplayName,
    byte[] IdentityKey,
    byte[] SealingKey,
    DateTimeOffset SeenAt,
    IReadOnlyList<string> Endpoints);
