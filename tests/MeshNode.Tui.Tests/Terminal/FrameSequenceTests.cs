using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.Tests.Terminal;

public sealed class FrameSequenceTests
{
    [Fact]
    public void Places_every_row_by_an_absolute_cursor_move_inside_one_synchronized_update()
    {
        var text = FrameSequence.Compose("first\nsecond\n", new TerminalSize(10, 2), clear: false);

        Assert.Equal("\u001b[?2026h\u001b[1;1Hfirst\u001b[0m\u001b[2;1Hsecond\u001b[0m\u001b[?2026l", text);
    }

    [Fact]
    public void Clears_the_screen_first_after_a_resize()
    {
        var text = FrameSequence.Compose("row", new TerminalSize(10, 1), clear: true);

        Assert.StartsWith("\u001b[?2026h\u001b[0m\u001b[2J\u001b[1;1Hrow", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_rows_beyond_the_height_so_the_screen_never_scrolls()
    {
        var text = FrameSequence.Compose("a\r\nb\r\nc", new TerminalSize(5, 2), clear: false);

        Assert.Contains("\u001b[2;1Hb\u001b[0m", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[3;1H", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }
}
