namespace MeshNode.Protocol.Framing;

/// <summary>
/// Carries one signed envelope, still encoded: pass <see cref="SignedEnvelope"/> to
/// <c>EnvelopeCodec.Verify</c> before trusting anything in it.
/// </summary>
/// <param name="SignedEnvelope">The serialized SignedEnvelope exactly as received.</param>
public sealed record EnvelopeFrame(ReadOnlyMemory<byte> SignedEnvelope) : LinkMessage;
