using System.Security.Cryptography;
using System.Text;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Fernet;

/// <summary>
/// The key of a passphrase-protected network: PBKDF2-HMAC-SHA256(UTF-8 passphrase, per-network
/// random salt, iterations) giving the 32-byte Fernet key. Deriving costs about a second at the
/// default 600,000 iterations, so derive once per network and keep the instance; it zeroes the key
/// on dispose. The salt is not secret: it travels in clear in every Announce
/// (docs/protocol.md, "Network key").
/// </summary>
public sealed class NetworkKey : IDisposable
{
    /// <summary>Bytes of a network salt.</summary>
    public const int SaltSize = 16;

    /// <summary>Bytes of a network tag.</summary>
    public const int TagSize = 8;

    /// <summary>The default PBKDF2 iteration count (<c>mesh.security.pbkdf2-iterations</c>).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The fewest iterations accepted; below this a passphrase is too cheap to guess offline.</summary>
    public const int MinIterations = 100_000;

    private static readonly byte[] TagLabel = Encoding.ASCII.GetBytes("meshnode/v1/network-tag");
    private static readonly byte[] ProofLabel = Encoding.ASCII.GetBytes("meshnode/v1/network-proof");

    private readonly byte[] _key;
    private readonly byte[] _salt;
    private readonly byte[] _tag;

    private NetworkKey(byte[] key, byte[] salt)
    {
        _key = key;
        _salt = salt;
        _tag = new byte[TagSize];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, TagLabel, mac);
        mac[..TagSize].CopyTo(_tag);
    }

    /// <summary>The network's salt (16 bytes, public).</summary>
    public ReadOnlyMemory<byte> Salt => _salt;

    /// <summary>
    /// 8 bytes telling networks apart without revealing the key: the first 8 bytes of
    /// HMAC-SHA256(key, "meshnode/v1/network-tag"). Carried in Announce.
    /// </summary>
    public ReadOnlyMemory<byte> Tag => _tag;

    /// <summary>Draws a fresh salt, for a node creating a new network.</summary>
    public static byte[] NewSalt(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var salt = new byte[SaltSize];
        random.Fill(salt);
        return salt;
    }

    /// <summary>Derives the key; slow by design (see the class summary).</summary>
    /// <param name="passphrase">The network passphrase; encoded as UTF-8, not normalized.</param>
    /// <param name="salt">The network's 16-byte salt.</param>
    /// <param name="iterations">PBKDF2 iterations; every node of a network must use the same count.</param>
    /// <exception cref="ArgumentException">Empty passphrase, salt not 16 bytes, or fewer than <see cref="MinIterations"/> iterations.</exception>
    public static NetworkKey Derive(ReadOnlySpan<char> passphrase, ReadOnlySpan<byte> salt, int iterations = DefaultIterations)
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("The network passphrase is empty.", nameof(passphrase));
        }

        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"A network salt is {SaltSize} bytes.", nameof(salt));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        var key = new byte[FernetCodec.KeySize];
        Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, key, iterations, HashAlgorithmName.SHA256);
        return new NetworkKey(key, salt.ToArray());
    }

    /// <summary>True when <paramref name="tag"/> is this network's tag (constant time).</summary>
    public bool MatchesTag(ReadOnlySpan<byte> tag) =>
        tag.Length == TagSize && CryptographicOperations.FixedTimeEquals(tag, _tag);

    /// <summary>A Fernet codec under this key, for NETWORK-protected bodies.</summary>
    public FernetCodec CreateCodec(TimeProvider time, IRandomSource random, int maxTokenBytes = 65536) =>
        new(_key, time, random, maxTokenBytes);

    /// <summary>
    /// Proof of knowing the key bound to <paramref name="context"/> (e.g. a handshake hash):
    /// HMAC-SHA256(key, "meshnode/v1/network-proof" || context), 32 bytes.
    /// </summary>
    public byte[] ComputeProof(ReadOnlySpan<byte> context)
    {
        var input = new byte[ProofLabel.Length + context.Length];
        ProofLabel.CopyTo(input, 0);
        context.CopyTo(input.AsSpan(ProofLabel.Length));
        return HMACSHA256.HashData(_key, input);
    }

    /// <summary>True when <paramref name="proof"/> equals <see cref="ComputeProof"/> of <paramref name="context"/> (constant time).</summary>
    public bool VerifyProof(ReadOnlySpan<byte> context, ReadOnlySpan<byte> proof)
    {
        var expected = ComputeProof(context);
        return proof.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, proof);
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
