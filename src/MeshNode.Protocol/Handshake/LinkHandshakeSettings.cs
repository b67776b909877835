using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// What one side brings to a link handshake: its identity, name, versions, capabilities and network.
/// The caller owns <see cref="Identity"/> and <see cref="Network"/> and keeps them alive (undisposed)
/// until the handshake is over; the static key is copied and zeroed when the handshake is disposed.
/// </summary>
public sealed record LinkHandshakeSettings
{
    /// <summary>The node's identity: signs the Noise static key; its signed sealing key is sent to the peer.</summary>
    public required NodeIdentity Identity { get; init; }

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

    /// <summary>
    /// The network key in passphrase mode; null on an open network. Its tag goes into the prologue
    /// and the hello, and both sides prove they hold the key, bound to this handshake's hash.
    /// </summary>
    public NetworkKey? Network { get; init; }

    /// <summary>
    /// The Ed25519 identity key the peer must have (an initiator dialing a known node); empty to
    /// accept any identity that proves its static key.
    /// </summary>
    public ReadOnlyMemory<byte> ExpectedRemoteIdentity { get; init; }

    /// <summary>Randomness for the ephemeral key (and the static key when none is given).</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
