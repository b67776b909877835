using System.Globalization;
using MeshNode.Tui.Model;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The status line: own name, fingerprint (in full when it fits, else its short form), port,
/// security mode, links, outbox, and in a lab "node k of N" plus unread messages on other nodes.
/// Parts are dropped from the least important end when the terminal is narrow.
/// </summary>
internal static class StatusBar
{
    /// <summary>Draws the status row.</summary>
    public static Line Render(TuiModel model, int width)
    {
        var node = model.CurrentNode;
        var parts = new List<string>(8);
        // Lab nodes are numbered from 0, as /as N and the lab's JSON events number them.
        if (model.Options.Lab || model.NodeCount > 1)
        {
            parts.Add($"lab node {model.Current} (0..{model.NodeCount - 1})");
        }

        var elsewhere = model.Nodes.Where((_, i) => i != model.Current).Sum(n => n.Chat.UnreadTotal);
        if (elsewhere > 0)
        {
            parts.Add($"{elsewhere.ToString(CultureInfo.InvariantCulture)} unread elsewhere");
        }

        var fingerprintIndex = parts.Count;

        parts.Add(node.Fingerprint.Length > 9 ? node.Fingerprint[..9] : node.Fingerprint);
        parts.Add(":" + node.Port.ToString(CultureInfo.InvariantCulture));
        if (node.Security.Length > 0)
        {
            parts.Add(node.Security);
        }

        parts.Add(Count(node.Links, "link", "links"));
        if (node.Outbox is { } outbox)
        {
            parts.Add($"outbox {outbox.ToString(CultureInfo.InvariantCulture)}");
        }

        var line = new Line(width);
        line.Append(" " + node.Name, PaneHeader.Combine(Theme.Status, Theme.Strong));
        var full = string.Join(" \u00b7 ", parts);
        if (node.Fingerprint.Length > 9 && CellWidth.Of(full) + node.Fingerprint.Length - 9 + 3 <= line.Free)
        {
            parts[fingerprintIndex] = node.Fingerprint;
        }

        foreach (var part in parts)
        {
            var text = " \u00b7 " + part;
            // A part that does not fit is skipped; a shorter, less important one may still fit.
            if (CellWidth.Of(text) > line.Free)
            {
                continue;
            }

            line.Append(text, Theme.Status);
        }

        return line.Fill(Theme.Status);
    }

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
