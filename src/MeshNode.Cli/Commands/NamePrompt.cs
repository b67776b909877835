using MeshNode.Cli.Headless;

namespace MeshNode.Cli.Commands;

/// <summary>
/// The first-start step in a terminal: asks for the display name others will see, until a valid
/// one is typed, and afterwards shows the node's fingerprint before the terminal UI opens.
/// </summary>
internal static class NamePrompt
{
    // Longest line read for a name; a name itself is at most 64 bytes, the rest is refused.
    private const int MaxLine = 1024;

    /// <summary>Asks for a name on the console.</summary>
    /// <param name="console">The terminal's input and output.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The trimmed, valid name.</returns>
    /// <exception cref="CliUserException">Input ended before a name was given.</exception>
    public static async Task<string> AskAsync(CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var reader = new BoundedLineReader(console.In, MaxLine);
        await console.Out.WriteLineAsync("Welcome to MeshNode. People on the mesh will see you under a display name.").ConfigureAwait(false);
        while (true)
        {
            await console.Out.WriteAsync("Your name: ").ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await reader.ReadLineAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException("no name given (pass --name NAME, or set mesh.node.name)", CliApplication.ExitUsage);
            var name = line.Length > MaxLine ? line : line.Trim();
            var problem = line.Length > MaxLine ? "that line is far too long for a name" : DisplayNameFile.Problem(name);
            if (problem is null)
            {
                return name;
            }

            await console.Out.WriteLineAsync(problem + "; try again.").ConfigureAwait(false);
        }
    }

    /// <summary>Shows the fingerprint and waits for Enter, so it is seen before the UI takes the screen.</summary>
    /// <param name="console">The terminal's input and output.</param>
    /// <param name="name">The chosen name.</param>
    /// <param name="fingerprint">The node's fingerprint.</param>
    /// <param name="saved">Whether the name was saved for later starts.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Completes when the user pressed Enter (or input ended).</returns>
    public static async Task ShowFingerprintAsync(CliConsole console, string name, string fingerprint, bool saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        await console.Out.WriteLineAsync().ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Hello {name}. Your fingerprint is {fingerprint}").ConfigureAwait(false);
        await console.Out.WriteLineAsync("Read it to people who want to be sure they talk to you (they check it with /peers and /trust).").ConfigureAwait(false);
        await console.Out.WriteLineAsync(saved ? "Your name is saved in the profile folder; --name changes it." : "Nothing is saved (--ephemeral).").ConfigureAwait(false);
        await console.Out.WriteAsync("Press Enter to open the mesh.").ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await new BoundedLineReader(console.In, MaxLine).ReadLineAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
