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

    public bool KeyChanged { get; set; }

    public DateTimeOffset? LastSeen { get; set; }
}
