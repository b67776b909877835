using MeshNode.Core.Node;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>The peers a node knows (identity and sealing keys, names), owned by the chat actor.</summary>
internal sealed class PeerDirectory
{
    private readonly Dictionary<NodeId, PeerEntry> _peers = [];

    /// <summary>Every known peer.</summary>
    public IEnumerable<PeerEntry> All => _peers.Values;

    /// <summary>Adds or refreshes a peer; returns the entry.</summary>
    public PeerEntry Learn(NodeId id, string name, ReadOnlyMemory<byte> identityKey, ReadOnlyMemory<byte> sealingKey, DateTimeOffset now)
    {
        if (!_peers.TryGetValue(id, out var entry))
        {
            entry = new PeerEntry(id, name, identityKey.ToArray(), sealingKey.ToArray());
            _peers[id] = entry;
        }
        else
        {
            entry.Name = name;
            entry.IdentityKey = identityKey.ToArray();
            entry.SealingKey = sealingKey.ToArray();
        }

        entry.LastSeen = now;
        return entry;
    }

    /// <summary>
    /// Every peer <paramref name="nameOrId"/> may mean: the one with that full id, else all with that
    /// display name (several when a known name came back with a new key), else the unique id prefix.
    /// </summary>
    /// <exception cref="NodeCommandException">Nobody matches, or an id prefix matches several.</exception>
    public IReadOnlyList<PeerEntry> ResolveAll(string nameOrId)
    {
        var text = (nameOrId ?? string.Empty).Trim();
        var byName = _peers.Values.Where(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        return NodeId.TryParse(text, out var id) && _peers.TryGetValue(id, out var exact) ? [exact]
            : byName.Length > 0 ? byName
            : [Resolve(text)];
    }

    /// <summary>The peer with this id, or null.</summary>
    public PeerEntry? Find(NodeId id) => _peers.GetValueOrDefault(id);

    /// <summary>
    /// Resolves a full id, an unambiguous id prefix (at least 4 hex digits) or a unique display name.
    /// </summary>
    /// <exception cref="NodeCommandException">Nobody or more than one peer matches.</exception>
    public PeerEntry Resolve(string nameOrId)
    {
        var text = (nameOrId ?? string.Empty).Trim();
        if (NodeId.TryParse(text, out var id) && _peers.TryGetValue(id, out var exact))
        {
            return exact;
        }

        var byName = _peers.Values.Where(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (byName.Length == 1)
        {
            return byName[0];
        }

        var byPrefix = text.Length >= 4
            ? _peers.Values.Where(p => p.Id.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToArray()
            : [];
        return (byName.Length, byPrefix.Length) switch
        {
            (0, 1) => byPrefix[0],
            (0, 0) => throw new NodeCommandException($"No known peer is called or has the id '{text}'."),
            _ => throw new NodeCommandException($"'{text}' matches more than one peer; use the node id."),
        };
    }
}
