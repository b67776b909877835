using Google.Protobuf;

namespace MeshNode.Protocol.Wire;

/// <summary>
/// The one place generated parsers meet untrusted bytes: the input length is bounded by the caller
/// first, and every parse error becomes a <see cref="ProtocolViolationException"/>
/// (<see cref="ProtocolViolationReason.MalformedMessage"/>).
/// </summary>
internal static class ProtobufReader
{
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySpan<byte> data, string what)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"{what} does not decode: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // Google.Protobuf 3.25.1 throws IndexOutOfRangeException for a nested message whose
            // length varint decodes negative (e.g. 12 FF FF FF FF 07), found by the fuzz harness.
            // Raised by the parser on these bytes alone, so it is malformed input like any other.
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"{what} does not decode: {ex.GetType().Name}", ex);
        }
    }

    /// <summary>Refuses a byte field whose length is not exactly <paramref name="length"/>.</summary>
    public static void RequireLength(ByteString value, int length, string field)
    {
        if (value.Length != length)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage, $"{field} must be {length} bytes, got {value.Length}.");
        }
    }

    /// <summary>Refuses a count above a configured maximum, naming the setting.</summary>
    public static void RequireAtMost(int count, int max, string what, string setting)
    {
        if (count > max)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded, $"{what}: {count} exceeds {setting} = {max}.");
        }
    }
}
