using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>
/// Lays a topology graph out as rows: a BFS tree from this node (each node under the neighbour
/// that first reaches it, so its depth is its hop count), children by name; wide sibling runs
/// collapse into "... N more" rows and subtrees past the depth limit fold into their root's row
/// ("name (N more)"), so 50 nodes stay readable; then the nodes known but unreachable; then the
/// links that changed a moment ago.
/// </summary>
internal static class TopologyTree
{
    /// <summary>Children shown under one node before the rest collapse.</summary>
    public const int MaxChildren = 8;

    /// <summary>Depth (hops) shown before deeper subtrees fold into their root's row.</summary>
    public const int MaxDepth = 6;

    /// <summary>
    /// Builds the rows; <paramref name="changes"/> are the highlighted link changes. Subtrees below
    /// <paramref name="maxDepth"/>, siblings past <paramref name="maxChildren"/> and unreachable nodes
    /// past <paramref name="maxUnreachable"/> collapse into "... N more" rows.
    /// </summary>
    public static IReadOnlyList<TopologyRow> Build(
        TopologyView view,
        IReadOnlyCollection<LinkChange> changes,
        string selfName,
        int maxDepth = MaxDepth,
        int maxChildren = MaxChildren,
        int maxUnreachable = int.MaxValue)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in view.Nodes)
        {
            names[node.NodeId] = TextSanitizer.Name(node.Name, PeerEntry.ShortId(node.NodeId));
        }

        names[view.Self] = TextSanitizer.Name(selfName, PeerEntry.ShortId(view.Self));
        string NameOf(string id) => names.TryGetValue(id, out var n) ? n : PeerEntry.ShortId(id);

        var adjacency = new Dictionary<string, List<(string Peer, TimeSpan Rtt)>>(StringComparer.Ordinal);
        foreach (var edge in view.Edges)
        {
            if (edge.A == edge.B)
            {
                continue;
            }

            Neighbours(adjacency, edge.A).Add((edge.B, edge.Rtt));
            Neighbours(adjacency, edge.B).Add((edge.A, edge.Rtt));
        }

        foreach (var list in adjacency.Values)
        {
            list.Sort((x, y) => Compare(NameOf(x.Peer), x.Peer, NameOf(y.Peer), y.Peer));
        }

        // BFS: the first visit of a node is along a shortest path, so depth = hops.
        var children = new Dictionary<string, List<(string Id, TimeSpan Rtt)>>(StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal) { view.Self };
        var queue = new Queue<string>();
        queue.Enqueue(view.Self);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!adjacency.TryGetValue(id, out var neighbours))
            {
                continue;
            }

            foreach (var (peer, rtt) in neighbours)
            {
                if (reached.Add(peer))
                {
                    Children(children, id).Add((peer, rtt));
                    queue.Enqueue(peer);
                }
            }
        }

        var appeared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Appeared)
            {
                appeared.Add(EdgeKey(change.A, change.B));
            }
        }

        var rows = new List<TopologyRow> { new(TopologyRowKind.Self, string.Empty, view.Self, NameOf(view.Self), null, 0, false, false) };
        AddChildren(view.Self, string.Empty, 1);

        var unreachable = names.Keys
            .Concat(adjacency.Keys)
            .Where(id => !reached.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => NameOf(id), StringComparer.OrdinalIgnoreCase)
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();
        if (unreachable.Count > 0)
        {
            rows.Add(new TopologyRow(TopologyRowKind.UnreachableHeader, string.Empty, string.Empty, "unreachable", null, unreachable.Count, false, false));
            var listed = unreachable.Count > maxUnreachable ? Math.Max(0, maxUnreachable - 1) : unreachable.Count;
            rows.AddRange(unreachable.Take(listed).Select(id => new TopologyRow(TopologyRowKind.Unreachable, "  ", id, NameOf(id), null, 0, false, false)));
            if (listed < unreachable.Count)
            {
                rows.Add(new TopologyRow(TopologyRowKind.More, "  ", string.Empty, string.Empty, null, unreachable.Count - listed, false, false));
            }
        }

        if (changes.Count > 0)
        {
            rows.Add(new TopologyRow(TopologyRowKind.ChangesHeader, string.Empty, string.Empty, "changes", null, changes.Count, false, false));
            foreach (var change in changes.OrderBy(c => c.Until))
            {
                var label = $"{change.NameA} \u2500 {change.NameB}";
                rows.Add(new TopologyRow(TopologyRowKind.Change, "  ", string.Empty, label, null, 0, change.Appeared, !change.Appeared));
            }
        }

        return rows;

        void AddChildren(string parent, string indent, int depth)
        {
            if (!children.TryGetValue(parent, out var list))
            {
                return;
            }

            var shown = list.Count > maxChildren ? Math.Max(1, maxChildren - 1) : list.Count;
            for (var i = 0; i < shown; i++)
            {
                var (id, rtt) = list[i];
                var last = i == list.Count - 1;
                var guide = last ? "\u2514\u2500 " : "\u251c\u2500 ";
                // At the depth limit a node's subtree folds into its own row: "name (N more)".
                var folded = depth >= maxDepth ? SubtreeSize(id) : 0;
                rows.Add(new TopologyRow(TopologyRowKind.Node, indent + guide, id, NameOf(id), rtt, folded, appeared.Contains(EdgeKey(parent, id)), false));
                if (folded == 0)
                {
                    AddChildren(id, indent + (last ? "   " : "\u2502  "), depth + 1);
                }
            }

            if (shown < list.Count)
            {
                var hidden = list.Skip(shown).Sum(c => 1 + SubtreeSize(c.Id));
                rows.Add(new TopologyRow(TopologyRowKind.More, indent + "\u2514\u2500 ", string.Empty, string.Empty, null, hidden, false, false));
            }
        }

        int SubtreeSize(string id) =>
            children.TryGetValue(id, out var list) ? list.Sum(c => 1 + SubtreeSize(c.Id)) : 0;
    }

    /// <summary>The key of an undirected link: the two ids in ordinal order.</summary>
    public static string EdgeKey(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;

    private static int Compare(string nameA, string idA, string nameB, string idB)
    {
        var byName = string.Compare(nameA, nameB, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(idA, idB);
    }

    private static List<(string, TimeSpan)> Neighbours(Dictionary<string, List<(string, TimeSpan)>> map, string id)
    {
        if (!map.TryGetValue(id, out var list))
        {
            list = [];
            map[id] = list;
        }

        return list;
    }

    private static List<(string, TimeSpan)> Children(Dictionary<string, List<(string, TimeSpan)>> map, string id) => Neighbours(map, id);
}
