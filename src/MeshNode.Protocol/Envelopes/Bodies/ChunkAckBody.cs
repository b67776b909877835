namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>What the receiver has and still misses.</summary>
/// <param name="FileId">The offer's id.</param>
/// <param name="Received">Ranges received, at most <c>mesh.envelope.max-list-items</c>.</param>
/// <param name="Missing">Ranges to resend, at most <c>mesh.envelope.max-list-items</c>.</param>
public sealed record ChunkAckBody(UInt128 FileId, IReadOnlyList<ChunkRange> Received, IReadOnlyList<ChunkRange> Missing) : EnvelopeBody;
