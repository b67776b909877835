using MeshNode.Core.Node;

namespace MeshNode.Tui.App;

/// <summary>Finds the peer a typed name or id means, by the node's own rule: exact id, unique name (any case), then an id prefix of at least 4 digits.</summary>
internal static class PeerMatch
{
    /// <summary>The peer <paramref name="nameOrId"/> names, or null when none or several do.</summary>
    /// <param name="peers">The node's peers.</param>
    /// <param name="nameOrId">What the user typed.</param>
    /// <returns>The peer or null.</returns>
    public static PeerView? Find(IReadOnlyList<PeerView> peers, string nameOrId)
    {
        var text = nameOrId.Trim();
        var exact = peers.FirstOrDefault(p => string.Equals(p.NodeId, text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var byName = peers.Where(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (byName.Length > 0)
        {
            return byName.Length == 1 ? byName[0] : null;
        }

        var byPrefix = text.Length >= 4 ? peers.Where(p => p.NodeId.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToArray() : [];
        return byPrefix.Length == 1 ? byPrefix[0] : null;
    }
}
