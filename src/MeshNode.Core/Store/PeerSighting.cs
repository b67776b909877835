namespace MeshNode.Core.Store;

/// <summary>What a peer presented when it was seen (announce or handshake): the input of a TOFU check.</summary>
/// <param name="NodeId">The peer's node id as text.</param>
/// <param name="DisplayName">The name it announces (not unique, not trusted).</param>
/// <param name="IdentityKey">Its Ed25519 identity public key.</param>
/// <param name="SealingKey">Its X25519 public key for end-to-end sealing.</param>
/// <param name="SeenAt">When it was seen.</param>
/// <param name="Endpoints">Where it can be reached, as <c>host:port</c> texts.</param>
/// <param name="PinName">
/// Also pin the name: a first sighting of a new node id under the name of another known peer
/// (case-insensitive) is a key change for that name, stored flagged until trusted (the node sets it;
/// a store used for other purposes may leave it off).
/// </param>
public sealed record PeerSighting(
    string NodeId,
    string DisplayName,
    byte[] IdentityKey,
    byte[] SealingKey,
    DateTimeOffset SeenAt,
    IReadOnlyList<string> Endpoints,
    bool PinName = false);
