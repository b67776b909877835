using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Terminal cells a character takes: Spectre's wcwidth table for the Basic Multilingual Plane
/// (0 for combining marks, 2 for wide CJK), 2 for everything beyond it (emoji and CJK extensions
/// are wide in every terminal we target). Text reaching the renderer is already cleaned, so there
/// are no control characters to measure.
/// </summary>
internal static class CellWidth
{
    private static readonly Lazy<byte[]> Table = new(Build);

    /// <summary>Cells of one UTF-16 unit; a high surrogate counts 2 for its pair, a low surrogate 0.</summary>
    public static int Of(char c)
    {
        if (c < 0x7f)
        {
            return c < 0x20 ? 0 : 1;
        }

        if (char.IsHighSurrogate(c))
        {
            return 2;
        }

        return char.IsLowSurrogate(c) ? 0 : Table.Value[c];
    }

    /// <summary>Cells of a whole string.</summary>
    public static int Of(string text)
    {
        var sum = 0;
        foreach (var c in text)
        {
            sum += Of(c);
        }

        return sum;
    }

    private static byte[] Build()
    {
        var table = new byte[char.MaxValue + 1];
        table[char.MaxValue] = 1;
        Span<char> one = stackalloc char[1];
        // Spectre 0.49's width cache has char.MaxValue entries, so U+FFFF (a noncharacter, which the
        // sanitizer removes anyway) must not be asked about.
        for (var i = 0; i < char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || char.IsControl(c))
            {
                continue;
            }

            one[0] = c;
            table[i] = (byte)Math.Clamp(new Segment(one.ToString()).CellCount(), 0, 2);
        }

        return table;
    }
}
