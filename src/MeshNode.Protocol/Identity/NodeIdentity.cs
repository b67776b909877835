using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Identity;

/// <summary>
/// This node's long-term keys: the Ed25519 identity (signs envelopes, announces and the link
/// handshake) and the X25519 sealing key pair bound to it by a signature. Made once at first start
/// and kept by <see cref="NodeIdentityFile"/>. The secrets never leave this object except to the
/// protocol's own code; <see cref="Dispose"/> zeroes them. <see cref="ToString"/> shows the id only.
/// </summary>
public sealed class NodeIdentity : IDisposable
{
    private readonly byte[] _seed;
    private readonly byte[] _sealingPrivateKey;
    private readonly byte[] _publicKey;
    private readonly byte[] _sealingPublicKey;
    private readonly byte[] _sealingKeySignature;
    private bool _disposed;

    private NodeIdentity(byte[] seed, byte[] sealingPrivateKey)
    {
        _seed = seed;
        _sealingPrivateKey = sealingPrivateKey;
        _publicKey = Crypto.Ed25519.PublicKeyFrom(seed);
        _sealingPublicKey = Crypto.X25519.PublicKeyFrom(sealingPrivateKey);
        _sealingKeySignature = Crypto.Ed25519.Sign(seed, SealingKeyBinding.SignedBytes(_sealingPublicKey));
        Id = NodeId.FromPublicKey(_publicKey);
        Fingerprint = Identity.Fingerprint.Of(_publicKey);
    }

    /// <summary>The node id derived from <see cref="PublicKey"/>.</summary>
    public NodeId Id { get; }

    /// <summary>The 32-byte Ed25519 identity public key.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>The 32-byte X25519 public key others seal to.</summary>
    public ReadOnlyMemory<byte> SealingPublicKey => _sealingPublicKey;

    /// <summary>The identity's signature over the sealing key (see <see cref="SealingKeyBinding"/>).</summary>
    public ReadOnlyMemory<byte> SealingKeySignature => _sealingKeySignature;

    /// <summary>The fingerprint to read aloud (see <see cref="Identity.Fingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>The short fingerprint for the UI.</summary>
    public string ShortFingerprint => Fingerprint[..9];

    /// <summary>The Ed25519 seed; protocol code only, never logged or copied out.</summary>
    internal ReadOnlySpan<byte> Seed
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _seed;
        }
    }

    /// <summary>The X25519 private key for opening sealed bodies; protocol code only.</summary>
    internal ReadOnlySpan<byte> SealingPrivateKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _sealingPrivateKey;
        }
    }

    /// <summary>Makes a new identity from <paramref name="random"/>.</summary>
    public static NodeIdentity Generate(IRandomSource random) =>
        new(Crypto.Ed25519.GenerateSeed(random), Crypto.X25519.GeneratePrivateKey(random));

    /// <summary>Rebuilds an identity from its two 32-byte secrets (copied; the caller zeroes its own).</summary>
    /// <exception cref="ArgumentException">A secret is not 32 bytes.</exception>
    public static NodeIdentity FromSecrets(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> sealingPrivateKey)
    {
        if (seed.Length != Crypto.Ed25519.SeedSize || sealingPrivateKey.Length != Crypto.X25519.KeySize)
        {
            throw new ArgumentException("Identity secrets are two 32-byte keys.");
        }

        return new NodeIdentity(seed.ToArray(), sealingPrivateKey.ToArray());
    }

    /// <summary>
    /// Signs <paramref name="domain"/> || <paramref name="message"/>; every signature this protocol
    /// makes starts with a "meshnode/v1/..." label so one kind can never pass for another.
    /// </summary>
    internal byte[] Sign(ReadOnlySpan<byte> domain, ReadOnlySpan<byte> message)
    {
        var input = new byte[domain.Length + message.Length];
        domain.CopyTo(input);
        message.CopyTo(input.AsSpan(domain.Length));
        return Crypto.Ed25519.Sign(Seed, input);
    }

    /// <summary>Shows the node id only: never the secrets.</summary>
    public override string ToString() => $"NodeIdentity({Id})";

    /// <summary>Zeroes the secrets; the public parts stay readable.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_seed);
        CryptographicOperations.ZeroMemory(_sealingPrivateKey);
    }
}
