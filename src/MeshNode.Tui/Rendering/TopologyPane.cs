using System.Globalization;
using MeshNode.Tui.Model;
using Spectre.Console;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The live topology pane: the tree from this node by hop count with the RTT of each link, the
/// nodes known but unreachable, and the links that changed a moment ago ("+" appeared, "x"
/// vanished). A node whose key changed and is not trusted shows "!" as in the peer list. Scrolls
/// when focused; the header says which rows are shown.
/// </summary>
internal static class TopologyPane
{
    /// <summary>Draws the pane (header included) into exactly <paramref name="height"/> rows.</summary>
    public static List<Line> Render(NodeState node, bool focused, int width, int height)
    {
        var rows = new List<Line>(height);
        if (height <= 0)
        {
            return rows;
        }

        var topology = node.Topology;
        var visible = height - 1;

        // Without focus: an overview collapsed to fit; with focus: the whole tree, scrolled.
        var all = focused ? topology.Rows : topology.RowsFitting(visible);
        var top = focused ? Math.Min(topology.Scroll, Math.Max(0, all.Count - visible)) : 0;
        var total = topology.View?.Nodes.Count ?? 0;
        var detail = topology.View is null
            ? null
            : focused && all.Count > visible
                ? $"{topology.Reachable + 1}/{Math.Max(total, topology.Reachable + 1)} {PaneHeader.Range(top, Math.Min(visible, all.Count - top), all.Count)}"
                : $"{topology.Reachable + 1}/{Math.Max(total, topology.Reachable + 1)} reachable";
        rows.Add(PaneHeader.Render("Topology", detail, focused, width));
        if (topology.View is null && visible > 0)
        {
            var hint = new Line(width);
            hint.Append(" waiting for the first link-state", Theme.Dim);
            rows.Add(hint.Fill());
        }

        for (var i = top; i < all.Count && rows.Count < height; i++)
        {
            rows.Add(Row(all[i], node.Peers, width));
        }

        return PaneHeader.ToHeight(rows, width, height);
    }

    private static Line Row(TopologyRow row, PeerList peers, int width)
    {
        var line = new Line(width);
        line.Append(row.Prefix, Theme.Dim);
        switch (row.Kind)
        {
            case TopologyRowKind.Self:
                line.Append(Marks.Online + " ", Theme.Own);
                line.AppendFit(row.Name + " (you)", line.Free, Theme.Own);
                break;
            case TopologyRowKind.Node:
                var changedKey = peers.HasChangedKey(row.NodeId);
                var style = changedKey ? Theme.Danger : row.Appeared ? Theme.Good : Style.Plain;
                line.Append(row.Appeared ? Marks.Appeared : string.Empty, Theme.Good);
                line.Append(changedKey ? Marks.ChangedKey : string.Empty, Theme.Danger);
                var rtt = " " + PeersPane.Rtt(row.Rtt);
                var folded = row.Count > 0 ? $" ({row.Count.ToString(CultureInfo.InvariantCulture)} more)" : string.Empty;
                var nameWidth = Math.Max(1, line.Free - CellWidth.Of(rtt) - folded.Length);
                line.AppendFit(row.Name, Math.Min(nameWidth, CellWidth.Of(row.Name)), style);
                line.Append(folded, Theme.Dim);
                line.Pad(line.Free - CellWidth.Of(rtt));
                line.Append(rtt, row.Appeared ? Theme.Good : Theme.Dim);
                break;
            case TopologyRowKind.More:
                line.Append($"\u2026 {row.Count.ToString(CultureInfo.InvariantCulture)} more", Theme.Dim);
                break;
            case TopologyRowKind.UnreachableHeader:
                line.Append($"unreachable ({row.Count.ToString(CultureInfo.InvariantCulture)})", Theme.Header);
                break;
            case TopologyRowKind.Unreachable:
                line.Append(Marks.Away + " ", Theme.Dim);
                line.AppendFit(row.Name, line.Free, Theme.Dim);
                break;
            case TopologyRowKind.ChangesHeader:
                line.Append("just changed", Theme.Header);
                break;
            case TopologyRowKind.Change:
                line.Append((row.Appeared ? Marks.Appeared : Marks.Vanished) + " ", row.Appeared ? Theme.Good : Theme.Lost);
                line.AppendFit(row.Name, line.Free, row.Appeared ? Theme.Good : Theme.Lost);
                break;
            default:
                break;
        }

        return line.Fill();
    }
}
