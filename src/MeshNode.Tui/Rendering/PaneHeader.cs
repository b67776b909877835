using Spectre.Console;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// A pane's title row: "── Peers 5 ─────" and, with focus, "━━ ▶ Peers 5 ━━━" in a bright style,
/// so the focused pane is plain without colour too. A pane border costs one row, no columns.
/// </summary>
internal static class PaneHeader
{
    /// <summary>The header row of a pane <paramref name="width"/> cells wide.</summary>
    public static Line Render(string title, string? detail, bool focused, int width)
    {
        var line = new Line(width);
        var style = focused ? Theme.FocusedHeader : Theme.Header;
        var rule = focused ? '\u2501' : '\u2500';
        line.Append(new string(rule, 2) + " ", style);
        if (focused)
        {
            line.Append(Marks.Focus + " ", style);
        }

        line.Append(title, style);
        if (!string.IsNullOrEmpty(detail))
        {
            line.Append(" " + detail, focused ? style : Theme.Dim);
        }

        line.Append(" ", style);
        line.FillWith(rule, style);
        return line;
    }

    /// <summary>A blank row.</summary>
    public static Line Blank(int width) => new Line(width).Fill();

    /// <summary>Pads <paramref name="rows"/> with blank rows to exactly <paramref name="height"/> (cuts extra rows).</summary>
    public static List<Line> ToHeight(List<Line> rows, int width, int height)
    {
        if (rows.Count > height)
        {
            rows.RemoveRange(height, rows.Count - height);
        }

        while (rows.Count < height)
        {
            rows.Add(Blank(width));
        }

        return rows;
    }

    /// <summary>A short right-aligned hint like "1-8/50" for a list that does not fit.</summary>
    public static string Range(int first, int shown, int total) =>
        shown >= total ? total.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : shown == 1 ? $"{first + 1}/{total}"
        : $"{first + 1}-{first + shown}/{total}";

    /// <summary>A style with <paramref name="extra"/>'s decoration added (selection over a coloured row).</summary>
    public static Style Combine(Style style, Style extra) =>
        new(style.Foreground, style.Background, style.Decoration | extra.Decoration, style.Link);
}
