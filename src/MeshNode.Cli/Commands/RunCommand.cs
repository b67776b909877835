using System.CommandLine;
using MeshNode.Cli.Headless;
using MeshNode.Cli.Hosting;
using MeshNode.Cli.Runtime;
using MeshNode.Config;

namespace MeshNode.Cli.Commands;

/// <summary>
/// <c>meshnode run</c>: starts one node and drives it with a front end (headless JSON lines until
/// the terminal UI exists). Flags become configuration overrides, so <c>meshnode config</c> with the
/// same flags shows what they set.
/// </summary>
internal static class RunCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run a mesh node. Events go to stdout as JSON lines; slash commands are read from stdin.");
        options.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, RunOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        CliConfiguration.CheckUnmatched(parse.UnmatchedTokens);
        if (parse.GetResult(options.Passphrase) is not null)
        {
            throw new CliUserException(
                $"--passphrase is refused: a passphrase on the command line shows in shell history and process lists; use --passphrase-file FILE or the {PassphraseSource.EnvironmentVariable} variable",
                CliApplication.ExitUsage);
        }

        var cli = options.ToConfiguration(parse, console.Environment);
        var settings = ConfigurationErrors.Guard(() => MeshSettings.From(cli.Build(parse.GetValue(options.Config), console.Environment)));
        var ephemeral = parse.GetValue(options.Ephemeral) || settings.Store.Ephemeral;
        if (!parse.GetValue(options.Headless))
        {
            await console.Error.WriteLineAsync("meshnode: the terminal UI is not available yet; running headless (JSON events on stdout, slash commands on stdin)").ConfigureAwait(false);
        }

        var passphrase = PassphraseSource.Read(parse.GetValue(options.PassphraseFile), settings.Security.PassphraseFile, console.Environment);
        var network = NetworkKeys.Create(passphrase, settings, parse.GetValue(options.NetworkSalt), ephemeral ? null : settings.Node.ProfileDirectory, console.Error);
        var owned = await NodeLauncher.StartAsync(settings, ephemeral, network, settings.Discovery.Enabled, cancellationToken).ConfigureAwait(false);
        Exception? failure;
        await using (owned.ConfigureAwait(false))
        {
            var writer = new HeadlessEventWriter(console.Out, TimeProvider.System);
            var frontEnd = new HeadlessFrontEnd(console.In, writer, lab: false);
            failure = await NodeHostRunner.RunAsync(frontEnd, [owned.Node], parse.GetValue(options.LogFile), cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            await console.Error.WriteLineAsync("meshnode: " + ConfigurationErrors.OneLine(failure.Message)).ConfigureAwait(false);
            return CliApplication.ExitFailure;
        }

        return CliApplication.ExitOk;
    }
}
