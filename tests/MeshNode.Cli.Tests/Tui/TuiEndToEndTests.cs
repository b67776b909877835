using System.Text.RegularExpressions;

namespace MeshNode.Cli.Tests.Tui;

/// <summary>The real program's terminal UI, driven through tmux as a person would: keys in, screen out.</summary>
public sealed partial class TuiEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [TmuxFact]
    public async Task A_lab_line_of_three_carries_a_message_to_the_far_node_and_shows_all_three_nodes()
    {
        await using var tmux = await TmuxSession.StartAsync(120, 40, ["lab", "--nodes", "3", "--topology", "line"]);

        // Node 0 sees node-2 (two hops away) once the line has linked up and the link-state spread.
        await tmux.WaitForScreenAsync(s => s.Contains("node-1", StringComparison.Ordinal) && s.Contains("node-2", StringComparison.Ordinal), Timeout, "node-1 and node-2 from node 0");
        await tmux.TypeLineAsync("hello from zero");
        await tmux.WaitForScreenAsync(s => s.Contains("hello from zero", StringComparison.Ordinal), Timeout, "the sent message on node 0");
        await tmux.TypeLineAsync("/as 2");

        var screen = await tmux.WaitForScreenAsync(
            s => s.Contains("now speaking as node 2", StringComparison.Ordinal) && s.Contains("hello from zero", StringComparison.Ordinal),
            Timeout,
            "node 2's view with the message from node 0");
        await tmux.WaitForScreenAsync(s => s.Contains("node-0", StringComparison.Ordinal) && s.Contains("node-1", StringComparison.Ordinal) && s.Contains("node-2", StringComparison.Ordinal), Timeout, "all three nodes on node 2's view");
        Assert.Contains("hello from zero", screen, StringComparison.Ordinal);

        await tmux.TypeLineAsync("/quit");
        Assert.Equal(0, await tmux.WaitForExitAsync(Timeout));
        Assert.False(await tmux.SessionExistsAsync());
    }

    [TmuxFact]
    public async Task With_NO_COLOR_the_screen_has_no_colour_escapes()
    {
        await using (var colour = await TmuxSession.StartAsync(100, 30, ["run", "--ephemeral", "--no-discovery", "--port", "0", "--name", "painted"]))
        {
            await colour.WaitForScreenAsync(s => s.Contains("painted", StringComparison.Ordinal), Timeout, "the node's name");
            Assert.True(HasColour(await colour.CaptureAsync(escapes: true)), "without NO_COLOR the UI uses colour (else this test proves nothing)");
        }

        await using var plain = await TmuxSession.StartAsync(100, 30, ["run", "--ephemeral", "--no-discovery", "--port", "0", "--name", "plain"], new Dictionary<string, string> { ["NO_COLOR"] = "1" });
        await plain.WaitForScreenAsync(s => s.Contains("plain", StringComparison.Ordinal), Timeout, "the node's name");

        Assert.False(HasColour(await plain.CaptureAsync(escapes: true)), "colour escapes under NO_COLOR");
        await plain.TypeLineAsync("/quit");
        Assert.Equal(0, await plain.WaitForExitAsync(Timeout));
    }

    [TmuxFact]
    public async Task An_80_by_24_terminal_shows_the_whole_frame_without_wrapping()
    {
        await using var tmux = await TmuxSession.StartAsync(80, 24, ["run", "--ephemeral", "--no-discovery", "--port", "0", "--name", "small"]);

        // A frame may reach tmux in several reads (the pty passes at most a few KiB at once): wait
        // for one whose last row, the input line, is there too.
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("small", StringComparison.Ordinal) && BottomRowDrawn(s, 24), Timeout, "the whole first frame");

        // capture-pane -J joins wrapped rows: a wrapped row would come back longer than 80 cells.
        var rows = screen.TrimEnd('\n').Split('\n');
        Assert.Equal(24, rows.Length);
        Assert.All(rows, row => Assert.True(row.Length <= 80, $"row of {row.Length} cells: {row}"));
        Assert.False(string.IsNullOrWhiteSpace(rows[0]), "the top row is empty: the frame scrolled");
        Assert.False(string.IsNullOrWhiteSpace(rows[^1]), "the bottom row is empty: the frame is cut short");
        await tmux.TypeLineAsync("/quit");
        Assert.Equal(0, await tmux.WaitForExitAsync(Timeout));
    }

    [TmuxFact]
    public async Task Ctrl_C_leaves_cleanly_and_gives_the_screen_back()
    {
        await using var tmux = await TmuxSession.StartAsync(100, 30, ["run", "--ephemeral", "--no-discovery", "--port", "0", "--name", "leaving"], holdAfterExit: true);
        await tmux.WaitForScreenAsync(s => s.Contains("leaving", StringComparison.Ordinal), Timeout, "the UI");
        Assert.Equal("1", await tmux.DisplayAsync("#{alternate_on}"));

        await tmux.PressAsync("C-c");

        Assert.Equal(0, await tmux.WaitForProgramExitAsync(Timeout));
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("program exited", StringComparison.Ordinal), Timeout, "the shell's screen");
        Assert.Contains("started in tmux", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("leaving", screen, StringComparison.Ordinal);
        Assert.Equal("0", await tmux.DisplayAsync("#{alternate_on}"));
        Assert.Equal("1", await tmux.DisplayAsync("#{cursor_flag}"));
        await tmux.ReleaseAsync();
    }

    private static bool BottomRowDrawn(string screen, int height)
    {
        var rows = screen.TrimEnd('\n').Split('\n');
        return rows.Length == height && !string.IsNullOrWhiteSpace(rows[^1]);
    }

    private static bool HasColour(string screen)
    {
        foreach (Match sgr in SgrPattern().Matches(screen))
        {
            foreach (var part in sgr.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var code)
                    && (code is (>= 30 and <= 38) or (>= 40 and <= 48) or (>= 90 and <= 97) or (>= 100 and <= 107)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("\u001b\\[([0-9;]*)m")]
    private static partial Regex SgrPattern();
}
