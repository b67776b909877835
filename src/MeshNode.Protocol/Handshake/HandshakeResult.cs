using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Noise;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// What a completed link handshake established: who the peer proved to be, what it speaks, and
/// the transport keys. The caller owns <see cref="Send"/> and <see cref="Receive"/> (usually by
/// handing them to a <see cref="LinkTransport"/>, which disposes them).
/// </summary>
public sealed record HandshakeResult
{
    /// <summary>True when this side initiated the link.</summary>
    public required bool IsInitiator { get; init; }

    /// <summary>The peer's Ed25519 identity public key (32 bytes), proven by signature over its Noise static key.</summary>
    public required ReadOnlyMemory<byte> RemoteIdentityKey { get; init; }

    /// <summary>The peer's node id, derived from <see cref="RemoteIdentityKey"/>.</summary>
    public required NodeId RemoteNodeId { get; init; }

    /// <summary>The peer's Noise static X25519 public key.</summary>
    public required ReadOnlyMemory<byte> RemoteStaticKey { get; init; }

    /// <summary>The peer's X25519 sealing public key, signed by its identity.</summary>
    public required ReadOnlyMemory<byte> RemoteSealingKey { get; init; }

    /// <summary>The peer's display name (not unique, not verified beyond being sent by the peer).</summary>
    public required string RemoteName { get; init; }

    /// <summary>The protocol version both sides agreed on.</summary>
    public required uint ProtocolVersion { get; init; }

    /// <summary>The capabilities the peer announced.</summary>
    public required IReadOnlyList<string> RemoteCapabilities { get; init; }

    /// <summary>The final Noise handshake hash (channel binding; equal on both sides).</summary>
    public required ReadOnlyMemory<byte> HandshakeHash { get; init; }

    /// <summary>Encrypts what this side sends.</summary>
    public required CipherState Send { get; init; }

    /// <summary>Decrypts what the peer sends.</summary>
    public required CipherState Receive { get; init; }
}
