namespace MeshNode.Tui.Terminal;

/// <summary>The few VT/xterm control sequences the terminal layer writes (ECMA-48 and xterm's private modes).</summary>
internal static class AnsiSequences
{
    /// <summary>Switch to the alternate screen buffer (xterm private mode 1049), so the shell's screen comes back on leave.</summary>
    public const string AlternateScreenOn = "\u001b[?1049h";

    /// <summary>Back to the main screen buffer.</summary>
    public const string AlternateScreenOff = "\u001b[?1049l";

    /// <summary>Hide the cursor (DECTCEM off): the UI draws its own input caret.</summary>
    public const string CursorHide = "\u001b[?25l";

    /// <summary>Show the cursor again.</summary>
    public const string CursorShow = "\u001b[?25h";

    /// <summary>
    /// Auto-wrap off (DECAWM): a row that is one cell too wide (a wide glyph the terminal measures
    /// differently) is cut at the margin instead of pushing every later row down.
    /// </summary>
    public const string AutoWrapOff = "\u001b[?7l";

    /// <summary>Auto-wrap on, the terminal's default.</summary>
    public const string AutoWrapOn = "\u001b[?7h";

    /// <summary>Begin a synchronized update (mode 2026): terminals that know it show the frame at once; others ignore it.</summary>
    public const string SyncBegin = "\u001b[?2026h";

    /// <summary>End a synchronized update.</summary>
    public const string SyncEnd = "\u001b[?2026l";

    /// <summary>Erase the whole screen.</summary>
    public const string ClearScreen = "\u001b[2J";

    /// <summary>Reset colours and attributes (SGR 0).</summary>
    public const string ResetStyle = "\u001b[0m";

    /// <summary>Cursor to the top left cell.</summary>
    public const string CursorHome = "\u001b[H";

    /// <summary>Cursor to a 1-based row, column 1 (CUP).</summary>
    /// <param name="row">The 1-based row.</param>
    /// <returns>The sequence.</returns>
    public static string MoveToRow(int row) => "\u001b[" + row.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";1H";
}
