using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Sealing;

/// <summary>
/// Seals a message to one recipient (direct chat, direct files, call media) so that relays, which
/// hold everything but the recipient's private key, cannot read or alter it, and the recipient
/// knows who sent it (docs/protocol.md, "Sealing to one recipient").
/// <para>
/// Layout: <c>0x01 || ephemeral X25519 public key (32) || ChaCha20-Poly1305(signature (64) || plaintext) || tag (16)</c>.
/// key = HKDF-SHA256(ikm: X25519(ephemeral, recipient), salt: none, info: "meshnode/v1/seal" ||
/// ephemeral public || recipient public || sender identity public), nonce = 12 zero bytes (the key
/// is used once), AEAD associated data = version || ephemeral public || caller's associated data.
/// The sender signs, with its Ed25519 identity, "meshnode/v1/seal-signature" || ephemeral public ||
/// recipient public || len(ad) as u32 big-endian || ad || plaintext, and the signature travels
/// encrypted. A signature rather than a static-static DH authenticates the sender because it
/// resists key-compromise impersonation: whoever steals the recipient's key still cannot forge
/// messages from others to it. Binding the ephemeral and recipient keys into the signature stops a
/// recipient from re-sealing a signed message to a third party as if the sender had sent it there.
/// </para>
/// </summary>
public static class Sealer
{
    /// <summary>The format version byte this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Bytes a sealed message adds to its plaintext: version, ephemeral key, signature, tag.</summary>
    public const int Overhead = 1 + X25519.KeySize + Ed25519.SignatureSize + TagSize;

    private const int TagSize = 16;
    private const int HeaderSize = 1 + X25519.KeySize;

    private static readonly byte[] KeyDomain = Encoding.ASCII.GetBytes("meshnode/v1/seal");
    private static readonly byte[] SignatureDomain = Encoding.ASCII.GetBytes("meshnode/v1/seal-signature");

    /// <summary>Seals <paramref name="plaintext"/> from the sender to the recipient.</summary>
    /// <param name="senderIdentitySeed">The sender's 32-byte Ed25519 identity seed.</param>
    /// <param name="recipientPublicKey">The recipient's 32-byte X25519 sealing public key.</param>
    /// <param name="plaintext">What to protect.</param>
    /// <param name="associatedData">Bound to the sealed bytes but not carried (e.g. envelope id); Open needs the same.</param>
    /// <param name="random">Source of the ephemeral key; null for <see cref="SystemRandomSource"/>.</param>
    /// <exception cref="ProtocolViolationException">The recipient key is a low-order point (<see cref="ProtocolViolationReason.InvalidKey"/>).</exception>
    /// <exception cref="ArgumentException">A key has the wrong length.</exception>
    public static byte[] Seal(
        ReadOnlySpan<byte> senderIdentitySeed,
        ReadOnlySpan<byte> recipientPublicKey,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        IRandomSource? random = null) =>
        Seal(senderIdentitySeed, Ed25519.PublicKeyFrom(senderIdentitySeed), recipientPublicKey, plaintext, associatedData, random);

    /// <summary>Seals <paramref name="plaintext"/> from this node's identity to the recipient.</summary>
    /// <param name="sender">This node's identity (not disposed).</param>
    /// <param name="recipientPublicKey">The recipient's 32-byte X25519 sealing public key (checked against its binding signature by the caller).</param>
    /// <param name="plaintext">What to protect.</param>
    /// <param name="associatedData">Bound to the sealed bytes but not carried; Open needs the same.</param>
    /// <param name="random">Source of the ephemeral key; null for <see cref="SystemRandomSource"/>.</param>
    /// <exception cref="ProtocolViolationException">The recipient key is a low-order point (<see cref="ProtocolViolationReason.InvalidKey"/>).</exception>
    /// <exception cref="ArgumentException">The recipient key has the wrong length.</exception>
    public static byte[] Seal(
        NodeIdentity sender,
        ReadOnlySpan<byte> recipientPublicKey,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return Seal(sender.Seed, sender.PublicKey.Span, recipientPublicKey, plaintext, associatedData, random);
    }

    /// <summary>
    /// Opens a sealed message addressed to this node's identity; see
    /// <see cref="Open(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> for the checks and errors.
    /// </summary>
    /// <exception cref="ProtocolViolationException">As for the raw-key overload.</exception>
    public static byte[] Open(
        NodeIdentity recipient,
        ReadOnlySpan<byte> senderIdentityKey,
        ReadOnlySpan<byte> sealedMessage,
        ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return Open(recipient.SealingPrivateKey, recipient.SealingPublicKey.Span, senderIdentityKey, sealedMessage, associatedData);
    }

    private static byte[] Seal(
        ReadOnlySpan<byte> senderIdentitySeed,
        ReadOnlySpan<byte> senderIdentity,
        ReadOnlySpan<byte> recipientPublicKey,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        IRandomSource? random)
    {
        var ephemeral = X25519.GeneratePrivateKey(random ?? SystemRandomSource.Instance);
        var output = new byte[plaintext.Length + Overhead];
        var inner = new byte[Ed25519.SignatureSize + plaintext.Length];
        Span<byte> key = stackalloc byte[32];
        try
        {
            var ephemeralPublic = X25519.PublicKeyFrom(ephemeral);
            output[0] = Version;
            ephemeralPublic.CopyTo(output, 1);
            DeriveKey(ephemeral, recipientPublicKey, ephemeralPublic, recipientPublicKey, senderIdentity, key);

            Ed25519.Sign(senderIdentitySeed, SignedBytes(ephemeralPublic, recipientPublicKey, associatedData, plaintext), inner);
            plaintext.CopyTo(inner.AsSpan(Ed25519.SignatureSize));
            using var aead = new ChaCha20Poly1305(key);
            Span<byte> nonce = stackalloc byte[12];
            nonce.Clear();
            var body = output.AsSpan(HeaderSize, inner.Length);
            aead.Encrypt(nonce, inner, body, output.AsSpan(HeaderSize + inner.Length, TagSize), AeadData(output.AsSpan(0, HeaderSize), associatedData));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(inner);
        }
    }

    /// <summary>
    /// Opens a sealed message addressed to this node and claimed to come from
    /// <paramref name="senderIdentityKey"/>; returns the plaintext only if every check passes.
    /// </summary>
    /// <param name="recipientPrivateKey">This node's 32-byte X25519 sealing private key.</param>
    /// <param name="senderIdentityKey">The claimed sender's 32-byte Ed25519 identity public key (e.g. the envelope origin's).</param>
    /// <param name="sealedMessage">The bytes Seal produced.</param>
    /// <param name="associatedData">The same associated data the sender used.</param>
    /// <exception cref="ProtocolViolationException">
    /// Too short (<see cref="ProtocolViolationReason.Truncated"/>), unknown version
    /// (<see cref="ProtocolViolationReason.UnsupportedVersion"/>), low-order ephemeral key
    /// (<see cref="ProtocolViolationReason.InvalidKey"/>), altered, for someone else or from another
    /// sender (<see cref="ProtocolViolationReason.AuthenticationFailed"/>), or decrypting but not
    /// signed by the claimed sender (<see cref="ProtocolViolationReason.BadSignature"/>).
    /// </exception>
    /// <exception cref="ArgumentException">A key has the wrong length.</exception>
    public static byte[] Open(
        ReadOnlySpan<byte> recipientPrivateKey,
        ReadOnlySpan<byte> senderIdentityKey,
        ReadOnlySpan<byte> sealedMessage,
        ReadOnlySpan<byte> associatedData) =>
        Open(recipientPrivateKey, X25519.PublicKeyFrom(recipientPrivateKey), senderIdentityKey, sealedMessage, associatedData);

    private static byte[] Open(
        ReadOnlySpan<byte> recipientPrivateKey,
        ReadOnlySpan<byte> recipientPublic,
        ReadOnlySpan<byte> senderIdentityKey,
        ReadOnlySpan<byte> sealedMessage,
        ReadOnlySpan<byte> associatedData)
    {
        if (senderIdentityKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException($"A sender identity key is {Ed25519.PublicKeySize} bytes.", nameof(senderIdentityKey));
        }

        if (sealedMessage.Length < Overhead)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.Truncated, $"A sealed message is at least {Overhead} bytes, got {sealedMessage.Length}.");
        }

        if (sealedMessage[0] != Version)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.UnsupportedVersion, $"Sealed message version {sealedMessage[0]} is not {Version}.");
        }

        var ephemeralPublic = sealedMessage.Slice(1, X25519.KeySize);
        var innerLength = sealedMessage.Length - HeaderSize - TagSize;
        var inner = new byte[innerLength];
        Span<byte> key = stackalloc byte[32];
        try
        {
            DeriveKey(recipientPrivateKey, ephemeralPublic, ephemeralPublic, recipientPublic, senderIdentityKey, key);
            using var aead = new ChaCha20Poly1305(key);
            Span<byte> nonce = stackalloc byte[12];
            nonce.Clear();
            try
            {
                aead.Decrypt(
                    nonce,
                    sealedMessage.Slice(HeaderSize, innerLength),
                    sealedMessage[(HeaderSize + innerLength)..],
                    inner,
                    AeadData(sealedMessage[..HeaderSize], associatedData));
            }
            catch (AuthenticationTagMismatchException ex)
            {
                throw new ProtocolViolationException(
                    ProtocolViolationReason.AuthenticationFailed, "Sealed message altered, not for this node, or not from the claimed sender.", ex);
            }

            var plaintext = inner.AsSpan(Ed25519.SignatureSize);
            if (!Ed25519.Verify(senderIdentityKey, SignedBytes(ephemeralPublic, recipientPublic, associatedData, plaintext), inner.AsSpan(0, Ed25519.SignatureSize)))
            {
                throw new ProtocolViolationException(
                    ProtocolViolationReason.BadSignature, "Sealed message is not signed by the claimed sender.");
            }

            return plaintext.ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(inner);
        }
    }

    private static void DeriveKey(
        ReadOnlySpan<byte> privateKey,
        ReadOnlySpan<byte> peerPublicKey,
        ReadOnlySpan<byte> ephemeralPublic,
        ReadOnlySpan<byte> recipientPublic,
        ReadOnlySpan<byte> senderIdentity,
        Span<byte> key)
    {
        Span<byte> shared = stackalloc byte[X25519.KeySize];
        if (!X25519.TryAgree(privateKey, peerPublicKey, shared))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.InvalidKey, "Sealing key agreement hit a low-order point (all-zero shared secret).");
        }

        Span<byte> info = stackalloc byte[KeyDomain.Length + (3 * 32)];
        KeyDomain.CopyTo(info);
        ephemeralPublic.CopyTo(info[KeyDomain.Length..]);
        recipientPublic.CopyTo(info[(KeyDomain.Length + 32)..]);
        senderIdentity.CopyTo(info[(KeyDomain.Length + 64)..]);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, key, [], info);
        CryptographicOperations.ZeroMemory(shared);
    }

    private static byte[] AeadData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData) => [.. header, .. associatedData];

    private static byte[] SignedBytes(
        ReadOnlySpan<byte> ephemeralPublic, ReadOnlySpan<byte> recipientPublic, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext)
    {
        var bytes = new byte[SignatureDomain.Length + 64 + 4 + associatedData.Length + plaintext.Length];
        var span = bytes.AsSpan();
        SignatureDomain.CopyTo(span);
        span = span[SignatureDomain.Length..];
        ephemeralPublic.CopyTo(span);
        recipientPublic.CopyTo(span[32..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[64..], (uint)associatedData.Length);
        associatedData.CopyTo(span[68..]);
        plaintext.CopyTo(span[(68 + associatedData.Length)..]);
        return bytes;
    }
}
