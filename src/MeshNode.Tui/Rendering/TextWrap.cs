using System.Text.RegularExpressions;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Word wrapping by terminal cells (long words and URLs are cut where they must be) and URL
/// detection, so URLs become terminal hyperlinks.
/// </summary>
internal static partial class TextWrap
{
    /// <summary>Splits <paramref name="text"/> into row ranges: the first row <paramref name="first"/> cells, the rest <paramref name="rest"/>.</summary>
    public static List<(int Start, int Length)> Rows(string text, int first, int rest)
    {
        var rows = new List<(int, int)>();
        var pos = 0;
        var width = Math.Max(1, first);
        while (pos < text.Length)
        {
            if (rows.Count > 0)
            {
                while (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                }

                if (pos >= text.Length)
                {
                    break;
                }
            }

            var cells = 0;
            var end = pos;
            var lastSpace = -1;
            while (end < text.Length)
            {
                var w = CellWidth.Of(text[end]);
                if (cells + w > width)
                {
                    break;
                }

                if (text[end] == ' ')
                {
                    lastSpace = end;
                }

                cells += w;
                end += char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            }

            if (end < text.Length && lastSpace > pos)
            {
                end = lastSpace + 1;
            }

            if (end == pos)
            {
                // Not even one character fits (a wide one in a one-cell row): take it anyway; the row cuts it.
                end = pos + (char.IsHighSurrogate(text[pos]) && pos + 1 < text.Length ? 2 : 1);
            }

            rows.Add((pos, end - pos));
            pos = end;
            width = Math.Max(1, rest);
        }

        if (rows.Count == 0)
        {
            rows.Add((0, 0));
        }

        return rows;
    }

    /// <summary>The URLs in <paramref name="text"/> (http, https), without trailing punctuation.</summary>
    public static List<(int Start, int Length)> Urls(string text)
    {
        var found = new List<(int, int)>();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return found;
        }

        foreach (Match match in UrlPattern().Matches(text))
        {
            var length = match.Length;
            while (length > 0 && ".,;:!?)]}'\"".Contains(text[match.Index + length - 1], StringComparison.Ordinal))
            {
                length--;
            }

            if (length > "https://".Length)
            {
                found.Add((match.Index, length));
            }
        }

        return found;
    }

    [GeneratedRegex(@"https?://[^\s<>""\[\]{}|\\^`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
