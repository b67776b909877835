using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>What the chat actor knows of a peer: keys proven by a handshake or a signed link-state.</summary>
internal sealed class PeerEntry(NodeId id, string name, ReadOnlyMemory<byte> identityKey, ReadOnlyMemory<byte> sealingKey)
{
    public NodeId Id { get; } = id;

    public string Name { get; set; } = name;

    public ReadOnlyMemory<byte> IdentityKey { get; set; } = identityKey;

    public ReadOnlyMemory<byte> SealingKey { get; set; } = sealingKey;

    public bool Linked { get; set; }

    /// <summary>Messages from it are flagged: its key changed (or it took a known peer's name) and the user has not trusted it.</summary>
    public bool KeyChanged { get; set; }

    /// <summary>The new fingerprint last announced in a <see cref="Node.KeyChanged"/> event, so a re-sighting does not repeat it.</summary>
    public string? ChangedFingerprint { get; set; }

    /// <summary>The fingerprint the user trusted (normalized), so a check queued before the trust cannot flag it again.</summary>
    public string? TrustedFingerprint { get; set; }

    public DateTimeOffset? LastSeen { get; set; }
}
