using MeshNode.Tui.Model;
using Spectre.Console;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The input line: a prompt naming where plain text goes ("everyone&gt;" or "@bob&gt;"), the text
/// scrolled sideways to keep the cursor in view, the cursor as an inverted cell, and a key hint on
/// the right while there is room.
/// </summary>
internal static class InputBar
{
    private const string Hint = " F1 help \u00b7 Tab panes ";

    /// <summary>Draws the input row.</summary>
    public static Line Render(TuiModel model, int width)
    {
        var line = new Line(width);
        var focused = model.Focus == Pane.Input && !model.HelpVisible;
        var chat = model.CurrentNode.Chat;
        var target = ChatPane.Title(chat, chat.Active);
        if (CellWidth.Of(target) > 16)
        {
            var cut = new Line(15);
            cut.Append(target);
            target = string.Concat(cut.Segments.Select(s => s.Text)) + "\u2026";
        }

        line.Append(target + "> ", focused ? Theme.FocusedHeader : Theme.Dim);
        var text = model.Input.Text;
        var cursor = model.Input.Cursor;
        var showHint = text.Length == 0 && line.Free > Hint.Length + 8;
        var room = line.Free - 1;

        // Show the text window that ends at the cursor when the text is wider than the room.
        var start = cursor;
        var used = 0;
        while (start > 0 && used + CellWidth.Of(text[start - 1]) <= room - 1)
        {
            used += CellWidth.Of(text[--start]);
        }

        if (start < text.Length && char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        line.Append(text, start, cursor - start);
        if (focused)
        {
            var under = cursor < text.Length ? text.Substring(cursor, char.IsHighSurrogate(text[cursor]) && cursor + 1 < text.Length ? 2 : 1) : " ";
            line.Append(under, Theme.Cursor);
            if (cursor < text.Length)
            {
                line.Append(text, cursor + under.Length, text.Length - cursor - under.Length);
            }
        }
        else
        {
            line.Append(text, cursor, text.Length - cursor);
        }

        if (showHint)
        {
            line.Pad(line.Free - Hint.Length);
            line.Append(Hint, Theme.Dim);
        }

        return line.Fill(Style.Plain);
    }
}
