using System.CommandLine;
using MeshNode.Cli.Commands;

namespace MeshNode.Cli;

/// <summary>Builds the <c>meshnode</c> command tree and runs it against a <see cref="CliConsole"/>.</summary>
internal static class CliApplication
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a runtime failure (bad configuration, unreadable file, node failure).</summary>
    public const int ExitFailure = 1;

    /// <summary>Exit code of a usage error reported by the parser.</summary>
    public const int ExitUsage = 2;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where the command reads and writes.</param>
    /// <param name="cancellationToken">Stops a long-running command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync("meshnode: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'meshnode --help' for usage.").ConfigureAwait(false);
            return ExitUsage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUserException ex)
        {
            await console.Error.WriteLineAsync("meshnode: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitOk;
        }
        catch (Exception ex)
        {
            // A bug, not a user error: still one line, naming the exception type so it can be reported.
            await console.Error.WriteLineAsync($"meshnode: unexpected {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitFailure;
        }
    }

    /// <summary>The root command with every subcommand.</summary>
    /// <param name="console">Where the commands read and write.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("MeshNode: a peer-to-peer mesh chat node for local networks.");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(LabCommand.Create(console));
        root.Subcommands.Add(ConfigCommand.Create(console));
        root.Subcommands.Add(IdentityCommand.Create(console));
        return root;
    }
}
