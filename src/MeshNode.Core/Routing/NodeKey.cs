using System.Buffers.Binary;

namespace MeshNode.Core.Routing;

/// <summary>
/// A node's 16-byte id as the routing and topology code sees it: a value type with equality,
/// hashing, ordering and lower-case hex formatting, so it can key dictionaries without an
/// allocation per entry. The ordering (unsigned, byte by byte) is the deterministic tie-break
/// every node uses when it computes shortest paths and broadcast trees.
/// </summary>
public readonly struct NodeKey : IEquatable<NodeKey>, IComparable<NodeKey>
{
    /// <summary>The number of bytes in a node id.</summary>
    public const int Length = 16;

    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>Builds a key from exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 16 bytes long.</exception>
    public NodeKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A node id is {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
    }

    /// <summary>Builds a key from its two big-endian halves (first 8 bytes, last 8 bytes).</summary>
    public NodeKey(ulong high, ulong low)
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
    public static NodeKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Length * 2)
        {
            throw new FormatException($"A node id is {Length * 2} hex digits, got {hex.Length} characters.");
        }

        Span<byte> bytes = stackalloc byte[Length];
        var status = Convert.FromHexString(hex, bytes, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != Length)
        {
            throw new FormatException("A node id is 32 hex digits.");
        }

        return new NodeKey(bytes);
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
    public bool Equals(NodeKey other) => _high == other._high && _low == other._low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Unsigned byte-by-byte order; the tie-break for equal path costs.</summary>
    public int CompareTo(NodeKey other)
    {
        var high = _high.CompareTo(other._high);
        return high != 0 ? high : _low.CompareTo(other._low);
    }

    /// <summary>The 32 lower-case hex digits of the id.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first 8 hex digits, for logs and compact displays (not unique).</summary>
    public string ToShortString() => ToString()[..8];

    /// <summary>Equality of the 16 bytes.</summary>
    public static bool operator ==(NodeKey left, NodeKey right) => left.Equals(right);

    /// <summary>Inequality of the 16 bytes.</summary>
    public static bool operator !=(NodeKey left, NodeKey right) => !left.Equals(right);

    /// <summary>Unsigned byte order.</summary>
    public static bool operator <(NodeKey left, NodeKey right) => left.CompareTo(right) < 0;

    /// <summary>Unsigned byte order.</summary>
    public static bool operator >(NodeKey left, NodeKey right) => left.CompareTo(right) > 0;

    /// <summary>Unsigned byte order.</summary>
    public static bool operator <=(NodeKey left, NodeKey right) => left.CompareTo(right) <= 0;

    /// <summary>Unsigned byte order.</summary>
    public static bool operator >=(NodeKey left, NodeKey right) => left.CompareTo(right) >= 0;
}
