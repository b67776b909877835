using System.Globalization;
using MeshNode.Tui.Model;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The peers pane: one row per peer with the selection mark, online/away, trust, name, short
/// fingerprint (when the column is wide enough), hops and RTT. A changed key shows "!" and the
/// danger style on the whole row until a peer listing shows it trusted. Scrolls to keep the
/// selection in view.
/// </summary>
internal static class PeersPane
{
    /// <summary>Draws the pane (header included) into exactly <paramref name="height"/> rows.</summary>
    public static List<Line> Render(NodeState node, bool focused, int width, int height)
    {
        var rows = new List<Line>(height);
        if (height <= 0)
        {
            return rows;
        }

        var peers = node.Peers.Peers;
        var visible = height - 1;
        var selected = node.Peers.SelectedIndex;
        var top = focused && selected >= visible ? selected - visible + 1 : 0;
        var changed = peers.Count(p => p.Trust == PeerTrust.ChangedKey);
        var detail = PaneHeader.Range(top, Math.Min(visible, peers.Count - top), peers.Count)
            + (changed > 0 ? $" {Marks.ChangedKey}{changed} KEY CHANGED" : string.Empty);
        rows.Add(PaneHeader.Render("Peers", detail, focused, width));
        if (peers.Count == 0 && visible > 0)
        {
            var hint = new Line(width);
            hint.Append(" nobody yet: waiting for discovery", Theme.Dim);
            rows.Add(hint.Fill());
        }

        // Fingerprint column: the short form where it fits, its first group at 80 columns, none below.
        var fingerprint = width >= 38 ? 9 : width >= 28 ? 4 : 0;
        for (var i = top; i < peers.Count && rows.Count < height; i++)
        {
            rows.Add(Row(peers[i], focused && i == selected, width, fingerprint));
        }

        return PaneHeader.ToHeight(rows, width, height);
    }

    private static Line Row(PeerEntry peer, bool selected, int width, int fingerprint)
    {
        var line = new Line(width);
        var danger = peer.Trust == PeerTrust.ChangedKey;
        var style = danger ? Theme.Danger : selected ? Theme.Strong : Spectre.Console.Style.Plain;
        if (selected)
        {
            style = PaneHeader.Combine(style, Theme.Selection);
        }

        line.Append(selected ? Marks.Selected : " ", style);
        line.Append(peer.Online ? Marks.Online : Marks.Away, danger || selected ? style : peer.Online ? Theme.Good : Theme.Dim);
        line.Append(peer.Trust switch
        {
            PeerTrust.ChangedKey => Marks.ChangedKey,
            PeerTrust.Verified => Marks.Verified,
            _ => " ",
        }, style);
        line.Append(" ", style);

        var tail = 3 + 6 + (fingerprint > 0 ? fingerprint + 1 : 0);
        line.AppendFit(peer.Name, Math.Max(1, line.Free - tail), style);
        if (fingerprint > 0)
        {
            line.Append(" ", style);
            var fp = peer.ShortFingerprint.Length > fingerprint ? peer.ShortFingerprint[..fingerprint] : peer.ShortFingerprint;
            line.AppendFit(fp, fingerprint, danger || selected ? style : Theme.Dim);
        }

        line.AppendFit(Hops(peer.Hops), 3, danger || selected ? style : Theme.Dim, alignRight: true);
        line.AppendFit(Rtt(peer.Rtt), 6, danger || selected ? style : Theme.Dim, alignRight: true);
        return line.Fill(style);
    }

    /// <summary>"1h", "12h" or "-" when unknown.</summary>
    public static string Hops(int? hops) => hops is { } h ? (h > 99 ? "99+" : h.ToString(CultureInfo.InvariantCulture) + "h") : "-";

    /// <summary>"0.4ms", "12ms", "1.2s", "-" when unknown; always at most 5 characters.</summary>
    public static string Rtt(TimeSpan? rtt)
    {
        if (rtt is not { } value || value < TimeSpan.Zero)
        {
            return "-";
        }

        var ms = value.TotalMilliseconds;
        return ms switch
        {
            < 10 => ms.ToString("0.0", CultureInfo.InvariantCulture) + "ms",
            < 1000 => ms.ToString("0", CultureInfo.InvariantCulture) + "ms",
            < 10_000 => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            < 100_000 => value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s",
            _ => ">99s",
        };
    }
}
