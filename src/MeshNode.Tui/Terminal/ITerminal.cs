using System.Threading.Channels;

namespace MeshNode.Tui.Terminal;

/// <summary>
/// The screen and keyboard the terminal UI owns while it runs: the seam between the UI loop and
/// System.Console, so the loop runs against a fake in tests. Only the UI loop calls it.
/// </summary>
public interface ITerminal
{
    /// <summary>The current size; read at every redraw, so a missed resize notice costs one frame at most.</summary>
    TerminalSize Size { get; }

    /// <summary>Whether frames may carry colour (false when NO_COLOR is set to any non-empty value).</summary>
    bool Color { get; }

    /// <summary>
    /// Key presses and resizes, in order, while in full screen. The reader is the UI loop; the
    /// terminal never blocks on it (keys are buffered).
    /// </summary>
    ChannelReader<TerminalInput> Input { get; }

    /// <summary>Takes over the screen: alternate screen buffer, hidden cursor, keys read without echo.</summary>
    void EnterFullScreen();

    /// <summary>
    /// Gives the screen back as it was (main buffer, visible cursor). Safe to call more than once and
    /// without <see cref="EnterFullScreen"/>; the UI calls it on every exit path.
    /// </summary>
    void LeaveFullScreen();

    /// <summary>
    /// Shows one frame: <paramref name="frame"/> holds the rows separated by '\n', each at most the
    /// width, at most <see cref="Size"/>.Height rows. The terminal draws it in one write so nothing flickers.
    /// </summary>
    /// <param name="frame">The rendered frame text (may contain SGR colour and hyperlink escapes).</param>
    void WriteFrame(string frame);
}
