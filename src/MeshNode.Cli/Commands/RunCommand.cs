using System.CommandLine;
using MeshNode.Cli.Headless;
using MeshNode.Cli.Hosting;
using MeshNode.Cli.Runtime;
using MeshNode.Config;
using MeshNode.Tui.App;

namespace MeshNode.Cli.Commands;

/// <summary>
/// <c>meshnode run</c>: starts one node and drives it with the terminal UI when standard input and
/// output are a terminal, else (or with <c>--headless</c>) with headless JSON lines. Flags become
/// configuration overrides, so <c>meshnode config</c> with the same flags shows what they set. A
/// first start in a terminal without any name asks for one and saves it in the profile folder.
/// </summary>
internal static class RunCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run a mesh node: the terminal UI in a terminal, else (or with --headless) JSON events on stdout and slash commands on stdin.");
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
        var root = ConfigurationErrors.Guard(() => cli.Build(parse.GetValue(options.Config), console.Environment));
        var settings = ConfigurationErrors.Guard(() => MeshSettings.From(root));
        var ephemeral = parse.GetValue(options.Ephemeral) || settings.Store.Ephemeral;
        var (terminal, note) = FrontEndChoice.Decide(parse.GetValue(options.Headless), console);
        using var owns = terminal as IDisposable;
        if (note is not null)
        {
            await console.Error.WriteLineAsync(note).ConfigureAwait(false);
        }

        // Empty in every layer: a name saved on an earlier first start, else ask (terminal only).
        var firstStart = false;
        if (string.IsNullOrWhiteSpace(root["mesh:node:name"]))
        {
            var saved = ephemeral ? null : DisplayNameFile.Read(settings.Node.ProfileDirectory);
            if (saved is null && terminal is not null)
            {
                saved = await NamePrompt.AskAsync(console, cancellationToken).ConfigureAwait(false);
                if (!ephemeral)
                {
                    DisplayNameFile.Write(settings.Node.ProfileDirectory, saved);
                }

                firstStart = true;
            }

            if (saved is not null)
            {
                settings = settings with { Node = settings.Node with { Name = saved } };
            }
        }

        var passphrase = PassphraseSource.Read(parse.GetValue(options.PassphraseFile), settings.Security.PassphraseFile, console.Environment);
        // Network notices (a new network's salt, a learned salt) go to stderr and, in the UI, into the chat too,
        // since stderr is hidden behind the UI's screen until it closes.
        using var networkNotices = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var network = await NetworkKeys.CreateAsync(passphrase, settings, parse.GetValue(options.NetworkSalt), ephemeral ? null : settings.Node.ProfileDirectory, networkNotices, cancellationToken).ConfigureAwait(false);
        var networkLines = networkNotices.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in networkLines)
        {
            await console.Error.WriteLineAsync(line).ConfigureAwait(false);
        }

        var owned = await NodeLauncher.StartAsync(settings, ephemeral, network, settings.Discovery.Enabled, cancellationToken).ConfigureAwait(false);
        Exception? failure;
        await using (owned.ConfigureAwait(false))
        {
            INodeFrontEnd frontEnd;
            if (terminal is null)
            {
                frontEnd = new HeadlessFrontEnd(console.In, new HeadlessEventWriter(console.Out, TimeProvider.System), lab: false);
            }
            else
            {
                if (firstStart)
                {
                    await NamePrompt.ShowFingerprintAsync(console, settings.Node.Name, owned.Node.Fingerprint, saved: !ephemeral, cancellationToken).ConfigureAwait(false);
                }

                frontEnd = new TuiFrontEnd(TuiOptions.From(settings.Ui, terminal, lab: false) with
                {
                    StartNotices = [
                        .. firstStart ? [$"Welcome, {settings.Node.Name}. Your fingerprint is {owned.Node.Fingerprint}. F1 or /help shows the keys and commands."] : Array.Empty<string>(),
                        .. networkLines,
                    ],
                });
            }

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
