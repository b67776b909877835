using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// One screen row being built, exactly <see cref="Width"/> cells once <see cref="Fill"/> ran.
/// Appends cut text at the cell limit (never half a wide character), so no row can overflow and
/// wrap the terminal, whatever a peer sent. Segments are literal text: no markup is parsed, so
/// brackets in peer text cannot inject styles or links.
/// </summary>
internal sealed class Line
{
    private readonly List<Segment> _segments = new(8);

    // Adjacent text in one style becomes one segment: fewer SGR sequences for the console to emit.
    private readonly StringBuilder _pending = new();
    private Style _pendingStyle = Style.Plain;

    /// <summary>Starts an empty row <paramref name="width"/> cells wide.</summary>
    public Line(int width) => Width = Math.Max(0, width);

    /// <summary>The row's width in cells.</summary>
    public int Width { get; }

    /// <summary>Cells used so far.</summary>
    public int Used { get; private set; }

    /// <summary>Cells still free.</summary>
    public int Free => Width - Used;

    /// <summary>The row's segments (adjacent text of one style merged).</summary>
    public IReadOnlyList<Segment> Segments
    {
        get
        {
            Flush();
            return _segments;
        }
    }

    /// <summary>Appends as much of <paramref name="text"/> as fits; returns the characters taken.</summary>
    public int Append(string text, Style? style = null) => Append(text, 0, text.Length, style);

    /// <summary>Appends as much of <c>text[start..start+length]</c> as fits; returns the characters taken.</summary>
    public int Append(string text, int start, int length, Style? style = null)
    {
        if (length <= 0 || Free <= 0)
        {
            return 0;
        }

        var cells = 0;
        var end = start;
        var stop = start + length;
        while (end < stop)
        {
            var w = CellWidth.Of(text[end]);
            if (cells + w > Free)
            {
                break;
            }

            cells += w;
            end += char.IsHighSurrogate(text[end]) && end + 1 < stop ? 2 : 1;
        }

        if (end > start)
        {
            Add(text, start, end - start, style);
            Used += cells;
        }

        return end - start;
    }

    /// <summary>Appends <paramref name="text"/> in exactly <paramref name="cells"/> cells: cut with an ellipsis or padded.</summary>
    public void AppendFit(string text, int cells, Style? style = null, bool alignRight = false)
    {
        cells = Math.Min(cells, Free);
        if (cells <= 0)
        {
            return;
        }

        var width = CellWidth.Of(text);
        if (width <= cells)
        {
            if (alignRight)
            {
                Pad(cells - width);
            }

            Append(text, style);
            if (!alignRight)
            {
                Pad(cells - width);
            }

            return;
        }

        var target = Used + cells;
        var limit = new Line(cells - 1);
        var taken = limit.Append(text);
        Append(text, 0, taken, style);
        Append("\u2026", style);
        Pad(target - Used);
    }

    /// <summary>Appends <paramref name="count"/> spaces (or as many as fit).</summary>
    public void Pad(int count, Style? style = null)
    {
        count = Math.Min(count, Free);
        if (count > 0)
        {
            Add(style).Append(' ', count);
            Used += count;
        }
    }

    /// <summary>Repeats <paramref name="c"/> (one cell wide) up to the end of the row.</summary>
    public void FillWith(char c, Style? style = null)
    {
        if (Free > 0)
        {
            var count = Free;
            Add(style).Append(c, count);
            Used += count;
        }
    }

    /// <summary>Pads the row with spaces to its full width.</summary>
    public Line Fill(Style? style = null)
    {
        Pad(Free, style);
        return this;
    }

    /// <summary>Appends another row's segments (as much as fits).</summary>
    public void Append(Line other)
    {
        foreach (var segment in other.Segments)
        {
            if (Append(segment.Text, segment.Style) < segment.Text.Length)
            {
                break;
            }
        }
    }

    private void Add(string text, int start, int length, Style? style) => Add(style).Append(text, start, length);

    private StringBuilder Add(Style? style)
    {
        var next = style ?? Style.Plain;
        if (_pending.Length > 0 && !_pendingStyle.Equals(next))
        {
            Flush();
        }

        _pendingStyle = next;
        return _pending;
    }

    private void Flush()
    {
        if (_pending.Length > 0)
        {
            _segments.Add(new Segment(_pending.ToString(), _pendingStyle));
            _pending.Clear();
        }
    }
}
