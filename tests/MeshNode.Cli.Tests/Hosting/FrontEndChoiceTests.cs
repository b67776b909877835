using System.Threading.Channels;
using MeshNode.Cli.Hosting;
using MeshNode.Tui.Terminal;

namespace MeshNode.Cli.Tests.Hosting;

public sealed class FrontEndChoiceTests
{
    [Fact]
    public void A_terminal_on_both_ends_opens_the_ui_with_colour_unless_NO_COLOR()
    {
        var (terminal, note) = FrontEndChoice.Decide(false, Console(input: true, output: true, new() { ["TERM"] = "xterm" }));
        var (plain, _) = FrontEndChoice.Decide(false, Console(input: true, output: true, new() { ["TERM"] = "xterm", ["NO_COLOR"] = "1" }));

        Assert.NotNull(terminal);
        Assert.True(terminal.Color);
        Assert.Null(note);
        Assert.False(plain!.Color);
    }

    [Fact]
    public void Headless_flag_runs_headless_without_a_note()
    {
        var (terminal, note) = FrontEndChoice.Decide(true, Console(input: true, output: true, []));

        Assert.Null(terminal);
        Assert.Null(note);
    }

    [Theory]
    [InlineData(false, true, "xterm", "standard input is not a terminal")]
    [InlineData(true, false, "xterm", "standard output is not a terminal")]
    [InlineData(true, true, "dumb", "TERM=dumb")]
    public void Without_a_usable_terminal_it_runs_headless_and_says_why_in_one_line(bool input, bool output, string term, string reason)
    {
        var (terminal, note) = FrontEndChoice.Decide(false, Console(input, output, new() { ["TERM"] = term }));

        Assert.Null(terminal);
        Assert.StartsWith("meshnode: " + reason, note, StringComparison.Ordinal);
        Assert.Contains("running headless", note, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', note!);
    }

    private static CliConsole Console(bool input, bool output, Dictionary<string, string> environment) =>
        new(TextWriter.Null, TextWriter.Null, TextReader.Null, environment)
        {
            InputIsTerminal = input,
            OutputIsTerminal = output,
            OpenTerminal = color => new NullTerminal(color),
        };

    private sealed class NullTerminal(bool color) : ITerminal
    {
        public TerminalSize Size => new(80, 24);

        public bool Color => color;

        public ChannelReader<TerminalInput> Input => Channel.CreateUnbounded<TerminalInput>().Reader;

        public void EnterFullScreen()
        {
        }

        public void LeaveFullScreen()
        {
        }

        public void WriteFrame(string frame)
        {
        }
    }
}
