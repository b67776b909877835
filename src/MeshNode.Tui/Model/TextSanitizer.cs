using System.Globalization;
using System.Text;

namespace MeshNode.Tui.Model;

/// <summary>
/// Cleans text a peer supplied before the UI keeps it: terminal escape sequences and control
/// characters removed (so nothing can move the cursor, recolour or retitle the terminal), bidi
/// overrides and other invisible format characters removed (so a name cannot reverse the line),
/// runs of combining marks capped, lone surrogates dropped and the length bounded.
/// </summary>
internal static class TextSanitizer
{
    /// <summary>Longest display name kept, in characters; longer ones end with an ellipsis.</summary>
    public const int MaxNameLength = 24;

    /// <summary>Longest message text kept, in characters; longer ones end with an ellipsis.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Lines kept per message or notice; a wall of blank lines cannot push the chat away.</summary>
    public const int MaxTextLines = 40;

    // Zalgo text stacks hundreds of marks on one letter; two covers every real script's need.
    private const int MaxCombiningRun = 2;
    private const char Ellipsis = '\u2026';
    private const char Escape = '\u001b';

    /// <summary>A display name: one line, at most <see cref="MaxNameLength"/> characters, never empty.</summary>
    public static string Name(string? name, string fallback = "?")
    {
        var clean = Clean(name, MaxNameLength, keepNewlines: false).Trim();
        return clean.Length == 0 ? fallback : clean;
    }

    /// <summary>Message or notice text: line breaks kept (at most <see cref="MaxTextLines"/>), length bounded.</summary>
    public static string Text(string? text) => Clean(text, MaxTextLength, keepNewlines: true);

    /// <summary>One line of at most <paramref name="maxLength"/> characters (ids, fingerprints, reasons).</summary>
    public static string Line(string? text, int maxLength) => Clean(text, maxLength, keepNewlines: false);

    /// <summary>Removes escapes and invisible characters; keeps at most <paramref name="maxLength"/> characters.</summary>
    public static string Clean(string? text, int maxLength, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var output = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var combining = 0;
        var lines = 1;
        var i = 0;
        while (i < text.Length)
        {
            if (output.Length >= maxLength)
            {
                output.Append(Ellipsis);
                break;
            }

            var c = text[i];
            if (c == Escape || c == '\u009b' || c == '\u009d')
            {
                i = SkipEscape(text, i);
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var rune = new Rune(c, text[i + 1]);
                    if (!IsInvisible(Rune.GetUnicodeCategory(rune)) && !(rune.Value >= 0xE0100 && rune.Value <= 0xE01EF))
                    {
                        output.Append(c).Append(text[i + 1]);
                        combining = 0;
                    }

                    i += 2;
                    continue;
                }

                i++;
                continue;
            }

            i++;
            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            if (c is '\n' or '\u2028' or '\u2029')
            {
                if (keepNewlines && lines < MaxTextLines)
                {
                    output.Append('\n');
                    lines++;
                }
                else
                {
                    output.Append(' ');
                }

                combining = 0;
                continue;
            }

            if (c == '\t')
            {
                output.Append(' ');
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control || IsInvisible(category) || c is >= '\uFE00' and <= '\uFE0F')
            {
                continue;
            }

            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (++combining > MaxCombiningRun || output.Length == 0 || output[^1] == '\n')
                {
                    continue;
                }
            }
            else
            {
                combining = 0;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static bool IsInvisible(UnicodeCategory category) =>
        category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // ECMA-48: CSI (ESC [ or 0x9B) runs to a final byte 0x40-0x7E; OSC (ESC ] or 0x9D) runs to BEL
    // or ST (ESC \); any other ESC takes one following character. Returns the index after it.
    private static int SkipEscape(string text, int start)
    {
        var i = start;
        var kind = text[i] switch
        {
            '\u009b' => '[',
            '\u009d' => ']',
            _ => i + 1 < text.Length ? text[++i] : '\0',
        };
        i++;
        if (kind == '[')
        {
            while (i < text.Length && text[i] is < '\u0040' or > '\u007e')
            {
                i++;
            }

            return Math.Min(i + 1, text.Length);
        }

        if (kind == ']')
        {
            while (i < text.Length)
            {
                if (text[i] == '\u0007')
                {
                    return i + 1;
                }

                if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                {
                    return i + 2;
                }

                i++;
            }
        }

        return i;
    }
}
