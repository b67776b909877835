namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Offers a file.</summary>
/// <param name="FileId">16 random bytes naming the transfer.</param>
/// <param name="Name">A file name only, at most 255 UTF-8 bytes; never trusted as a path.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">32-byte SHA-256 of the whole file.</param>
/// <param name="ChunkSize">Bytes per chunk except the last; 1..<c>mesh.transfers.max-chunk-size</c>.</param>
/// <param name="MimeType">Optional, at most 255 bytes; empty when unknown.</param>
public sealed record FileOfferBody(UInt128 FileId, string Name, ulong Size, ReadOnlyMemory<byte> Sha256, uint ChunkSize, string MimeType) : EnvelopeBody;
