namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Accepts an offer, listing chunks already held so the sender resumes.</summary>
/// <param name="FileId">The offer's id.</param>
/// <param name="Have">Chunks the receiver holds, at most <c>mesh.envelope.max-list-items</c> ranges.</param>
public sealed record FileAcceptBody(UInt128 FileId, IReadOnlyList<ChunkRange> Have) : EnvelopeBody;
