namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>One frame of call media (20 ms of audio), never retransmitted.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Sequence">Increments by one per frame; wraps.</param>
/// <param name="Timestamp">Media clock (samples).</param>
/// <param name="Payload">Encoded audio.</param>
public sealed record MediaFrameBody(UInt128 CallId, uint Sequence, uint Timestamp, ReadOnlyMemory<byte> Payload) : EnvelopeBody;
