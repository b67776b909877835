using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>
/// One node's view of the mesh for the topology pane: the latest graph laid out as rows, the
/// links that appeared or vanished within the highlight time, and the pane's scroll position.
/// The first graph highlights nothing (everything would be new).
/// </summary>
internal sealed class TopologyState
{
    private readonly Dictionary<string, LinkChange> _changes = new(StringComparer.Ordinal);
    private Dictionary<string, (string A, string B)> _edges = new(StringComparer.Ordinal);
    private Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<int, IReadOnlyList<TopologyRow>> _fitted = [];
    private TopologyView? _view;
    private string _selfName = string.Empty;

    /// <summary>The rows to draw, top to bottom; empty until the first graph.</summary>
    public IReadOnlyList<TopologyRow> Rows { get; private set; } = [];

    /// <summary>The latest graph, if any.</summary>
    public TopologyView? View => _view;

    /// <summary>Rows scrolled off the top.</summary>
    public int Scroll { get; private set; }

    /// <summary>Reachable nodes other than this one.</summary>
    public int Reachable { get; private set; }

    /// <summary>When the next highlight ends, or null when none is lit.</summary>
    public DateTimeOffset? NextExpiry => _changes.Count == 0 ? null : _changes.Values.Min(c => c.Until);

    /// <summary>
    /// Takes a new graph at <paramref name="now"/>, highlighting links that differ from the last
    /// one; false when it equals the last graph (a periodic refresh that changes nothing).
    /// </summary>
    public bool Apply(TopologyView view, DateTimeOffset now, TimeSpan highlightFor, string selfName)
    {
        if (_view is not null && view.Self == _view.Self && selfName == _selfName
            && view.Nodes.SequenceEqual(_view.Nodes) && view.Edges.SequenceEqual(_view.Edges))
        {
            return false;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in view.Nodes)
        {
            names[node.NodeId] = TextSanitizer.Name(node.Name, PeerEntry.ShortId(node.NodeId));
        }

        names[view.Self] = TextSanitizer.Name(selfName, PeerEntry.ShortId(view.Self));
        var edges = new Dictionary<string, (string A, string B)>(StringComparer.Ordinal);
        foreach (var edge in view.Edges)
        {
            edges[TopologyTree.EdgeKey(edge.A, edge.B)] = (edge.A, edge.B);
        }

        if (_view is not null && highlightFor > TimeSpan.Zero)
        {
            var until = now + highlightFor;
            foreach (var (key, (a, b)) in edges)
            {
                if (!_edges.ContainsKey(key))
                {
                    _changes[key] = new LinkChange(a, b, Name(names, a), Name(names, b), true, until);
                }
            }

            foreach (var (key, (a, b)) in _edges)
            {
                if (!edges.ContainsKey(key))
                {
                    // Names from the old graph: a vanished node may be gone from the new one.
                    _changes[key] = new LinkChange(a, b, Name(_names, a), Name(_names, b), false, until);
                }
            }
        }

        _view = view;
        _edges = edges;
        _names = names;
        _selfName = selfName;
        Reachable = view.Nodes.Count(n => n.NodeId != view.Self && n.Hops is not null);
        Layout();
        return true;
    }

    /// <summary>Drops highlights that ended at or before <paramref name="now"/>; true when any did.</summary>
    public bool Expire(DateTimeOffset now)
    {
        var ended = _changes.Where(c => c.Value.Until <= now).Select(c => c.Key).ToList();
        if (ended.Count == 0)
        {
            return false;
        }

        foreach (var key in ended)
        {
            _changes.Remove(key);
        }

        Layout();
        return true;
    }

    /// <summary>
    /// The rows collapsed to fit <paramref name="height"/> rows, for the overview shown while the
    /// pane has no focus: deeper levels collapse first, then wide sibling runs and long unreachable
    /// lists. The full tree (<see cref="Rows"/>) is what the focused pane scrolls through.
    /// </summary>
    public IReadOnlyList<TopologyRow> RowsFitting(int height)
    {
        if (_view is null || Rows.Count <= height || height <= 0)
        {
            return Rows;
        }

        if (_fitted.TryGetValue(height, out var cached))
        {
            return cached;
        }

        IReadOnlyList<TopologyRow> rows = Rows;
        var changes = _changes.Values;
        for (var depth = TopologyTree.MaxDepth - 1; depth >= 1 && rows.Count > height; depth--)
        {
            rows = TopologyTree.Build(_view, changes, _selfName, depth, TopologyTree.MaxChildren, 3);
        }

        for (var children = TopologyTree.MaxChildren - 1; children >= 2 && rows.Count > height; children--)
        {
            rows = TopologyTree.Build(_view, changes, _selfName, 1, children, 2);
        }

        // A handful of frame sizes at most: the cache cannot grow with anything a peer controls.
        if (_fitted.Count > 8)
        {
            _fitted.Clear();
        }

        _fitted[height] = rows;
        return rows;
    }

    /// <summary>Scrolls by <paramref name="rows"/> (positive = down) in a pane showing <paramref name="visible"/> rows; true when the view moved.</summary>
    public bool ScrollBy(int rows, int visible) => ScrollTo((int)Math.Clamp((long)Scroll + rows, 0, int.MaxValue), visible);

    /// <summary>Makes <paramref name="row"/> the top row, clamped so the last page stays full; true when the view moved.</summary>
    public bool ScrollTo(int row, int visible)
    {
        var next = Math.Clamp(row, 0, Math.Max(0, Rows.Count - Math.Max(1, visible)));
        if (next == Scroll)
        {
            return false;
        }

        Scroll = next;
        return true;
    }

    private void Layout()
    {
        if (_view is null)
        {
            return;
        }

        Rows = TopologyTree.Build(_view, _changes.Values, _selfName);
        _fitted.Clear();
        Scroll = Math.Min(Scroll, Math.Max(0, Rows.Count - 1));
    }

    private static string Name(Dictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) ? name : PeerEntry.ShortId(id);
}
