using System.Buffers.Binary;
using System.Globalization;

namespace MeshNode.Protocol.Envelopes;

/// <summary>An envelope's 16 random bytes as a value (dedup keys, receipts); printed as 32 hex digits.</summary>
/// <param name="Value">The 16 bytes read big-endian.</param>
public readonly record struct EnvelopeId(UInt128 Value)
{
    /// <summary>Length of an id in bytes.</summary>
    public const int Size = 16;

    /// <summary>Reads an id from 16 bytes.</summary>
    /// <exception cref="ArgumentException">Not 16 bytes.</exception>
    public static EnvelopeId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size
            ? new EnvelopeId(BinaryPrimitives.ReadUInt128BigEndian(bytes))
            : throw new ArgumentException($"An envelope id is {Size} bytes.", nameof(bytes));

    /// <summary>Parses the 32-hex-digit form (either case); false when it is not one.</summary>
    public static bool TryParse(string? text, out EnvelopeId id)
    {
        id = default;
        if (text is null || text.Length != Size * 2
            || !UInt128.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = new EnvelopeId(value);
        return true;
    }

    /// <summary>The 16 bytes as a new array.</summary>
    public byte[] ToByteArray()
    {
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Value);
        return bytes;
    }

    /// <summary>32 lowercase hex digits.</summary>
    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
