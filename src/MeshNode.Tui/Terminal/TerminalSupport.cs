namespace MeshNode.Tui.Terminal;

/// <summary>Decides from the environment whether the terminal UI can run and whether it may use colour.</summary>
public static class TerminalSupport
{
    /// <summary>
    /// Why the terminal UI cannot run here, or null when it can: standard input and output must be a
    /// terminal, and TERM must not be <c>dumb</c> (a terminal without cursor movement).
    /// </summary>
    /// <param name="environment">The environment variables.</param>
    /// <param name="inputIsTerminal">Whether standard input is a terminal.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    /// <returns>A short reason for the user, or null.</returns>
    public static string? WhyUnavailable(IReadOnlyDictionary<string, string> environment, bool inputIsTerminal, bool outputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!inputIsTerminal || !outputIsTerminal)
        {
            return (inputIsTerminal, outputIsTerminal) switch
            {
                (false, false) => "standard input and output are not a terminal",
                (false, true) => "standard input is not a terminal",
                _ => "standard output is not a terminal",
            };
        }

        return environment.TryGetValue("TERM", out var term) && string.Equals(term.Trim(), "dumb", StringComparison.Ordinal)
            ? "TERM=dumb cannot move the cursor"
            : null;
    }

    /// <summary>Whether colour is allowed: false when NO_COLOR holds any non-empty value (https://no-color.org).</summary>
    /// <param name="environment">The environment variables.</param>
    /// <returns>True when frames may carry colour.</returns>
    public static bool ColorAllowed(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !(environment.TryGetValue("NO_COLOR", out var value) && value.Length > 0);
    }
}
