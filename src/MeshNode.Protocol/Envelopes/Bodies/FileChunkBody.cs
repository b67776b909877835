namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>One chunk of a file.</summary>
/// <param name="FileId">The offer's id.</param>
/// <param name="Index">Chunk index from 0.</param>
/// <param name="Data">At most the offer's chunk size.</param>
public sealed record FileChunkBody(UInt128 FileId, ulong Index, ReadOnlyMemory<byte> Data) : EnvelopeBody;
