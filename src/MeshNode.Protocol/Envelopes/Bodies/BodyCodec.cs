using Google.Protobuf;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>
/// Encodes body records to the bytes an <see cref="EnvelopeDraft"/> carries (before any sealing)
/// and decodes them back, bounding every count and text by <see cref="BodyLimits"/>.
/// </summary>
public static class BodyCodec
{
    /// <summary>The body type and its encoded plaintext.</summary>
    /// <exception cref="ArgumentException">An unknown body record.</exception>
    public static (EnvelopeBodyType Type, byte[] Bytes) Encode(EnvelopeBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (type, message) = BodyEncoder.ToWire(body);
        return (type, message.ToByteArray());
    }

    /// <summary>Decodes a body plaintext of the given type.</summary>
    /// <exception cref="ProtocolViolationException">
    /// <see cref="ProtocolViolationReason.MalformedMessage"/> (undecodable, wrong lengths, unknown type or enum) or
    /// <see cref="ProtocolViolationReason.LimitExceeded"/> (a count or text over its setting). Drop the message; the link lives on.
    /// </exception>
    public static EnvelopeBody Decode(EnvelopeBodyType type, ReadOnlySpan<byte> plaintext, BodyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return BodyDecoder.Decode(type, plaintext, limits);
    }
}
