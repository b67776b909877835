using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Envelopes;

/// <summary>What an origin puts in a new envelope; <see cref="EnvelopeCodec.Create"/> adds id, time and signature.</summary>
/// <param name="Destination">The node it is for, or null for everyone.</param>
/// <param name="BodyType">What <paramref name="Body"/> decodes as (after unsealing).</param>
/// <param name="Protection">How <paramref name="Body"/> is protected; the caller has already sealed it accordingly.</param>
/// <param name="Body">The encoded body (a NetworkSealed or SealedBody when protected).</param>
/// <param name="HopLimit">Most links it may cross: 1..<c>mesh.envelope.max-hop-limit</c>.</param>
public sealed record EnvelopeDraft(
    NodeId? Destination,
    EnvelopeBodyType BodyType,
    EnvelopeProtection Protection,
    ReadOnlyMemory<byte> Body,
    uint HopLimit);
