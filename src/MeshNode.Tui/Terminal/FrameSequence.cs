using System.Text;

namespace MeshNode.Tui.Terminal;

/// <summary>Turns a rendered frame into the bytes-to-be of one terminal write.</summary>
internal static class FrameSequence
{
    /// <summary>
    /// Places each row with an absolute cursor move (so a row the terminal measures one cell wider
    /// cannot shift the rows below), resets the style after each row, and wraps the whole in a
    /// synchronized update. Rows beyond the height are dropped.
    /// </summary>
    /// <param name="frame">Rows separated by '\n' (a trailing '\n' is ignored; '\r' is dropped).</param>
    /// <param name="size">The terminal's size now.</param>
    /// <param name="clear">Erase the screen first (after a resize, when old cells may lie outside the new rows).</param>
    /// <returns>The text to write.</returns>
    public static string Compose(string frame, TerminalSize size, bool clear)
    {
        var text = new StringBuilder(frame.Length + (size.Height * 12) + 32);
        text.Append(AnsiSequences.SyncBegin);
        if (clear)
        {
            text.Append(AnsiSequences.ResetStyle).Append(AnsiSequences.ClearScreen);
        }

        var rows = frame.EndsWith('\n') ? frame[..^1].Split('\n') : frame.Split('\n');
        for (var row = 0; row < rows.Length && row < size.Height; row++)
        {
            text.Append(AnsiSequences.MoveToRow(row + 1)).Append(rows[row].TrimEnd('\r')).Append(AnsiSequences.ResetStyle);
        }

        return text.Append(AnsiSequences.SyncEnd).ToString();
    }
}
