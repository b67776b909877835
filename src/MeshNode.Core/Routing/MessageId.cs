using System.Buffers.Binary;

namespace MeshNode.Core.Routing;

/// <summary>
/// An envelope's 16-byte message id as the dedup cache and the broadcast repair see it: a value
/// type with equality, hashing and lower-case hex formatting, so it can key dictionaries without
/// an allocation per entry.
/// </summary>
public readonly struct MessageId : IEquatable<MessageId>
{
    /// <summary>The number of bytes in a message id.</summary>
    public const int Length = 16;

    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>Builds a key from exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 16 bytes long.</exception>
    public MessageId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A message id is {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
    }

    /// <summary>Builds a key from its two big-endian halves (first 8 bytes, last 8 bytes).</summary>
    public MessageId(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>The first 8 bytes, big-endian.</summary>
    public ulong High => _high;

    /// <summary>The last 8 bytes, big-endian.</summary>
    public ulong Low => _low;

    /// <summary>Parses 32 hex digits (either case), as written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">When the text is not 32 hex digits.</exception>
    public static MessageId Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Length * 2)
        {
            throw new FormatException($"A message id is {Length * 2} hex digits, got {hex.Length} characters.");
        }

        Span<byte> bytes = stackalloc byte[Length];
        var status = Convert.FromHexString(hex, bytes, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != Length)
        {
            throw new FormatException("A message id is 32 hex digits.");
        }

        return new MessageId(bytes);
    }

    /// <summary>Writes the 16 bytes into <paramref name="destination"/>, which must hold at least 16.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
    }

    /// <summary>The 16 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <inheritdoc />
    public bool Equals(MessageId other) => _high == other._high && _low == other._low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>The 32 lower-case hex digits of the id.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Equality of the 16 bytes.</summary>
    public static bool operator ==(MessageId left, MessageId right) => left.Equals(right);

    /// <summary>Inequality of the 16 bytes.</summary>
    public static bool operator !=(MessageId left, MessageId right) => !left.Equals(right);

}
