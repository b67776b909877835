using System.Security.Cryptography;
using Bc = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace MeshNode.Protocol.Crypto;

/// <summary>
/// Ed25519 signatures (RFC 8032, pure variant, no context) over BouncyCastle's implementation.
/// Private keys are the 32-byte seed. <see cref="Verify"/> never throws: any malformed input
/// (wrong lengths, non-canonical encodings) simply does not verify.
/// </summary>
public static class Ed25519
{
    /// <summary>Length of an encoded public key.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Length of a private key seed.</summary>
    public const int SeedSize = 32;

    /// <summary>Length of a signature.</summary>
    public const int SignatureSize = 64;

    // The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    private static ReadOnlySpan<byte> GroupOrder =>
    [
        0xED, 0xD3, 0xF5, 0x5C, 0x1A, 0x63, 0x12, 0x58, 0xD6, 0x9C, 0xF7, 0xA2, 0xDE, 0xF9, 0xDE, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>Draws a fresh private key seed from <paramref name="random"/>.</summary>
    public static byte[] GenerateSeed(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var seed = new byte[SeedSize];
        random.Fill(seed);
        return seed;
    }

    /// <summary>The public key for a 32-byte seed.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static byte[] PublicKeyFrom(ReadOnlySpan<byte> seed)
    {
        RequireLength(seed, SeedSize, nameof(seed));
        var sk = seed.ToArray();
        try
        {
            var pk = new byte[PublicKeySize];
            Bc.GeneratePublicKey(sk, 0, pk, 0);
            return pk;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    /// <summary>Signs <paramref name="message"/> with the key derived from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes or the destination is shorter than 64 bytes.</exception>
    public static void Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        RequireLength(seed, SeedSize, nameof(seed));
        if (signature.Length < SignatureSize)
        {
            throw new ArgumentException($"The signature buffer must hold {SignatureSize} bytes.", nameof(signature));
        }

        var sk = seed.ToArray();
        var msg = message.ToArray();
        var sig = new byte[SignatureSize];
        try
        {
            Bc.Sign(sk, 0, msg, 0, msg.Length, sig, 0);
            sig.CopyTo(signature);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    /// <summary>Signs <paramref name="message"/> and returns the 64-byte signature.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureSize];
        Sign(seed, message, signature);
        return signature;
    }

    /// <summary>
    /// True only when <paramref name="signature"/> is a valid signature of <paramref name="message"/>
    /// under <paramref name="publicKey"/>. Wrong lengths and a non-canonical S (S &gt;= L) return false.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        if (!IsCanonicalScalar(signature[32..]))
        {
            return false;
        }

        try
        {
            return Bc.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, message.ToArray(), 0, message.Length);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when the little-endian 32-byte scalar is strictly below the group order L.</summary>
    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        for (var i = 31; i >= 0; i--)
        {
            if (scalar[i] != GroupOrder[i])
            {
                return scalar[i] < GroupOrder[i];
            }
        }

        return false;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"Expected {length} bytes, got {value.Length}.", name);
        }
    }
}
