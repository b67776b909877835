using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// What one side brings to a link handshake: its keys, name, versions, capabilities and network.
/// Key material is copied by <see cref="LinkHandshake"/> at creation and zeroed when it is disposed.
/// </summary>
public sealed record LinkHandshakeSettings
{
    /// <summary>The node's Ed25519 identity seed (32 bytes); signs the Noise static key and the sealing key.</summary>
    public required ReadOnlyMemory<byte> IdentitySeed { get; init; }

    /// <summary>The node's X25519 sealing public key (32 bytes), announced to the peer with a signature.</summary>
    public required ReadOnlyMemory<byte> SealingPublicKey { get; init; }

    /// <summary>
    /// The Noise static X25519 private key (32 bytes). Empty: a fresh one is drawn from
    /// <see cref="Random"/> for this handshake (it is bound to the identity by signature either way).
    /// </summary>
    public ReadOnlyMemory<byte> StaticPrivateKey { get; init; }

    /// <summary>Display name sent to the peer; at most <see cref="LinkHandshake.MaxNameBytes"/> bytes of UTF-8.</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>Lowest protocol version this node speaks.</summary>
    public uint MinVersion { get; init; } = 1;

    /// <summary>Highest protocol version this node speaks; the handshake picks the highest both speak.</summary>
    public uint MaxVersion { get; init; } = 1;

    /// <summary>Feature names this node supports (at most 32, each at most 32 bytes of UTF-8).</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>The network tag (8 bytes in passphrase mode, empty on an open network); goes into the prologue.</summary>
    public ReadOnlyMemory<byte> NetworkTag { get; init; }

    /// <summary>
    /// The 32-byte network key (PBKDF2 of the passphrase) in passphrase mode; empty on an open
    /// network. Both sides prove they hold it, bound to this handshake's hash.
    /// </summary>
    public ReadOnlyMemory<byte> NetworkKey { get; init; }

    /// <summary>
    /// The Ed25519 identity key the peer must have (an initiator dialing a known node); empty to
    /// accept any identity that proves its static key.
    /// </summary>
    public ReadOnlyMemory<byte> ExpectedRemoteIdentity { get; init; }

    /// <summary>Randomness for the ephemeral key (and the static key when none is given).</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
