using MeshNode.Tui.Terminal;

namespace MeshNode.Cli.Hosting;

/// <summary>
/// Whether <c>run</c> and <c>lab</c> open the terminal UI or run headless: the UI when standard
/// input and output are a terminal and <c>--headless</c> is not given; otherwise headless, with a
/// one-line note on standard error so scripts and pipes keep working and a person sees why.
/// </summary>
internal static class FrontEndChoice
{
    /// <summary>Decides the front end.</summary>
    /// <param name="headlessFlag">Whether <c>--headless</c> was given.</param>
    /// <param name="console">The program's console.</param>
    /// <returns>The terminal to open, or null with the note to print (null note when <c>--headless</c> asked for it).</returns>
    public static (ITerminal? Terminal, string? Note) Decide(bool headlessFlag, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (headlessFlag)
        {
            return (null, null);
        }

        var why = console.OpenTerminal is null
            ? "no terminal"
            : TerminalSupport.WhyUnavailable(console.Environment, console.InputIsTerminal, console.OutputIsTerminal);
        if (why is not null)
        {
            return (null, $"meshnode: {why}; running headless (JSON events on stdout, slash commands on stdin; --headless skips this note)");
        }

        return (console.OpenTerminal!(TerminalSupport.ColorAllowed(console.Environment)), null);
    }
}
