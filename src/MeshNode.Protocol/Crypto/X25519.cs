using System.Security.Cryptography;
using Bc = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace MeshNode.Protocol.Crypto;

/// <summary>
/// X25519 key agreement (RFC 7748) over BouncyCastle's implementation. A shared secret of all
/// zeros (the peer sent a low-order point) is always refused: <see cref="TryAgree"/> returns
/// false and <see cref="Agree"/> throws <see cref="ProtocolViolationException"/> with
/// <see cref="ProtocolViolationReason.InvalidKey"/>.
/// </summary>
public static class X25519
{
    /// <summary>Length of private keys, public keys and shared secrets.</summary>
    public const int KeySize = 32;

    /// <summary>Draws a fresh private key from <paramref name="random"/> (clamping happens at use, per RFC 7748).</summary>
    public static byte[] GeneratePrivateKey(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var key = new byte[KeySize];
        random.Fill(key);
        return key;
    }

    /// <summary>The public key (scalar multiplication of the base point) for a 32-byte private key.</summary>
    /// <exception cref="ArgumentException">The private key is not 32 bytes.</exception>
    public static byte[] PublicKeyFrom(ReadOnlySpan<byte> privateKey)
    {
        RequireLength(privateKey, nameof(privateKey));
        var k = privateKey.ToArray();
        try
        {
            var pub = new byte[KeySize];
            Bc.ScalarMultBase(k, 0, pub, 0);
            return pub;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
        }
    }

    /// <summary>
    /// Computes the shared secret into <paramref name="sharedSecret"/> (32 bytes). Returns false,
    /// leaving the destination zeroed, when the peer's key is a low-order point (all-zero result).
    /// </summary>
    /// <exception cref="ArgumentException">A key is not 32 bytes or the destination is shorter than 32 bytes.</exception>
    public static bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedSecret)
    {
        RequireLength(privateKey, nameof(privateKey));
        RequireLength(publicKey, nameof(publicKey));
        if (sharedSecret.Length < KeySize)
        {
            throw new ArgumentException($"The destination must hold {KeySize} bytes.", nameof(sharedSecret));
        }

        var k = privateKey.ToArray();
        var u = publicKey.ToArray();
        var r = new byte[KeySize];
        try
        {
            Bc.ScalarMult(k, 0, u, 0, r, 0);
            if (IsAllZero(r))
            {
                sharedSecret[..KeySize].Clear();
                return false;
            }

            r.CopyTo(sharedSecret);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
            CryptographicOperations.ZeroMemory(r);
        }
    }

    /// <summary>Computes and returns the 32-byte shared secret.</summary>
    /// <exception cref="ProtocolViolationException">The peer's key is a low-order point (<see cref="ProtocolViolationReason.InvalidKey"/>).</exception>
    /// <exception cref="ArgumentException">A key is not 32 bytes.</exception>
    public static byte[] Agree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        var secret = new byte[KeySize];
        if (!TryAgree(privateKey, publicKey, secret))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.InvalidKey, "X25519 public key is a low-order point (all-zero shared secret).");
        }

        return secret;
    }

    private static bool IsAllZero(ReadOnlySpan<byte> value)
    {
        var acc = 0;
        foreach (var b in value)
        {
            acc |= b;
        }

        return acc == 0;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, string name)
    {
        if (value.Length != KeySize)
        {
            throw new ArgumentException($"Expected {KeySize} bytes, got {value.Length}.", name);
        }
    }
}
