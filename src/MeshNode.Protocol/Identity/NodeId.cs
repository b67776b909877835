using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MeshNode.Protocol.Identity;

/// <summary>
/// A node's id: the first 16 bytes of SHA-256("meshnode/v1/node-id" || Ed25519 public key),
/// printed as 32 lowercase hex digits. <see cref="Short"/> (the first 4 bytes, 8 hex digits) names
/// actors and log lines (<c>peer-3f2a9c1d</c>). Value equality; ordered like the bytes compared
/// lexicographically (for deterministic tie-breaks); <c>default</c> is all zeros.
/// </summary>
public readonly struct NodeId : IEquatable<NodeId>, IComparable<NodeId>
{
    /// <summary>Length of an id in bytes.</summary>
    public const int Size = 16;

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("meshnode/v1/node-id");

    private readonly ulong _high;
    private readonly ulong _low;

    private NodeId(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>Derives the id of the node whose identity key is <paramref name="identityPublicKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static NodeId FromPublicKey(ReadOnlySpan<byte> identityPublicKey)
    {
        if (identityPublicKey.Length != Crypto.Ed25519.PublicKeySize)
        {
            throw new ArgumentException("An identity public key is 32 bytes.", nameof(identityPublicKey));
        }

        Span<byte> input = stackalloc byte[Domain.Length + Crypto.Ed25519.PublicKeySize];
        Domain.CopyTo(input);
        identityPublicKey.CopyTo(input[Domain.Length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return FromBytes(hash[..Size]);
    }

    /// <summary>Reads an id from its 16 bytes (as carried on the wire).</summary>
    /// <exception cref="ArgumentException">Not exactly 16 bytes.</exception>
    public static NodeId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!TryFromBytes(bytes, out var id))
        {
            throw new ArgumentException($"A node id is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return id;
    }

    /// <summary>Reads an id from its 16 bytes; false when the length is wrong.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out NodeId id)
    {
        if (bytes.Length != Size)
        {
            id = default;
            return false;
        }

        id = new NodeId(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        return true;
    }

    /// <summary>Parses the 32-hex-digit form (either case).</summary>
    /// <exception cref="FormatException">Not 32 hex digits.</exception>
    public static NodeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException("A node id is 32 hex digits.");

    /// <summary>Parses the 32-hex-digit form (either case); false when it is not one.</summary>
    public static bool TryParse(string? text, out NodeId id)
    {
        id = default;
        if (text is null || text.Length != Size * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        var status = Convert.FromHexString(text, bytes, out _, out var written);
        return status == System.Buffers.OperationStatus.Done && written == Size && TryFromBytes(bytes, out id);
    }

    /// <summary>The first 4 bytes as 8 lowercase hex digits, for paths and the UI.</summary>
    public string Short => ((uint)(_high >> 32)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the 16 bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
    }

    /// <summary>The 16 bytes as a new array.</summary>
    public byte[] ToByteArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The 32 lowercase hex digits.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_high:x16}{_low:x16}");

    /// <inheritdoc />
    public bool Equals(NodeId other) => _high == other._high && _low == other._low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NodeId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Orders ids as their 16 bytes compared lexicographically, unsigned.</summary>
    public int CompareTo(NodeId other) => _high != other._high ? _high.CompareTo(other._high) : _low.CompareTo(other._low);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(NodeId left, NodeId right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(NodeId left, NodeId right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(NodeId left, NodeId right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(NodeId left, NodeId right) => left.CompareTo(right) >= 0;

    /// <summary>Value equality.</summary>
    public static bool operator ==(NodeId left, NodeId right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(NodeId left, NodeId right) => !left.Equals(right);
}
