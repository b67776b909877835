using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>A node's signed view of its own links, flooded to everyone; the highest sequence per origin wins.</summary>
/// <param name="Origin">The advertising node; the receiver checks it equals the envelope's origin.</param>
/// <param name="Sequence">Strictly increasing per origin.</param>
/// <param name="Neighbours">At most <c>mesh.topology.max-neighbours</c>.</param>
/// <param name="IssuedAtUnixMs">Origin's clock.</param>
/// <param name="SealingKey">Origin's 32-byte X25519 key (authenticated by the envelope signature).</param>
/// <param name="Name">Origin's display name, at most 64 UTF-8 bytes.</param>
public sealed record LinkStateBody(
    NodeId Origin,
    ulong Sequence,
    IReadOnlyList<LinkNeighbour> Neighbours,
    long IssuedAtUnixMs,
    ReadOnlyMemory<byte> SealingKey,
    string Name) : EnvelopeBody;
