using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.Tests.Terminal;

public sealed class TerminalSupportTests
{
    private static readonly Dictionary<string, string> Xterm = new() { ["TERM"] = "xterm-256color" };

    [Fact]
    public void A_terminal_on_both_ends_can_run_the_ui()
    {
        Assert.Null(TerminalSupport.WhyUnavailable(Xterm, inputIsTerminal: true, outputIsTerminal: true));
    }

    [Theory]
    [InlineData(false, true, "standard input is not a terminal")]
    [InlineData(true, false, "standard output is not a terminal")]
    [InlineData(false, false, "standard input and output are not a terminal")]
    public void Pipes_refuse_the_ui_and_say_which_end(bool input, bool output, string reason)
    {
        Assert.Equal(reason, TerminalSupport.WhyUnavailable(Xterm, input, output));
    }

    [Fact]
    public void A_dumb_terminal_refuses_the_ui()
    {
        var reason = TerminalSupport.WhyUnavailable(new Dictionary<string, string> { ["TERM"] = "dumb" }, true, true);

        Assert.Contains("TERM=dumb", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("1", false)]
    [InlineData("0", false)]
    [InlineData("yes", false)]
    public void NO_COLOR_with_any_non_empty_value_turns_colour_off(string? value, bool allowed)
    {
        var environment = new Dictionary<string, string>(Xterm);
        if (value is not null)
        {
            environment["NO_COLOR"] = value;
        }

        Assert.Equal(allowed, TerminalSupport.ColorAllowed(environment));
    }
}
