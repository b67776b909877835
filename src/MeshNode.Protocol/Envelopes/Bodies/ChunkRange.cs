namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>A run of chunk indexes: <see cref="First"/> to <see cref="First"/> + <see cref="Count"/> - 1.</summary>
/// <param name="First">First chunk index.</param>
/// <param name="Count">Number of chunks.</param>
public readonly record struct ChunkRange(ulong First, ulong Count);
