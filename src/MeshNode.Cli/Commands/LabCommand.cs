using System.CommandLine;
using MeshNode.Cli.Headless;
using MeshNode.Cli.Hosting;
using MeshNode.Cli.Lab;
using MeshNode.Cli.Runtime;
using MeshNode.Config;
using MeshNode.Core.Transport;
using MeshNode.Tui.App;
using MeshNode.Tui.Terminal;

namespace MeshNode.Cli.Commands;

/// <summary>
/// <c>meshnode lab</c>: N nodes in this process on loopback TCP, named node-0 to node-N-1, linked
/// as the topology says (each edge one static peer, dialled by the higher-numbered node), with
/// ephemeral identities and stores and discovery off. The terminal UI (or headless mode, as for
/// <c>run</c>) speaks for node 0 until <c>/as N</c>.
/// </summary>
internal static class LabCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var nodes = new Option<int>("--nodes") { Description = $"Number of nodes (1-{LabTopology.MaxNodes}).", DefaultValueFactory = _ => 5 };
        var topology = new Option<string>("--topology") { Description = $"How the nodes link: {LabTopology.Shapes}.", DefaultValueFactory = _ => "line" };
        var seed = new Option<int>("--seed") { Description = "Seed for random topologies.", DefaultValueFactory = _ => 1 };
        var config = CommonOptions.Config();
        var logFile = new Option<string?>("--log-file") { Description = "Append a lifecycle log here (never message text).", HelpName = "FILE" };
        var headless = new Option<bool>("--headless") { Description = "JSON events on stdout (with a node field) and slash commands on stdin, no terminal UI." };
        var command = new Command("lab", "Run a whole mesh of N nodes in this process on loopback, linked as a topology.")
        {
            nodes, topology, seed, config, logFile, headless,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            CliConfiguration.CheckUnmatched(parse.UnmatchedTokens);
            var count = parse.GetValue(nodes);
            var edges = LabTopology.Build(parse.GetValue(topology)!, count, parse.GetValue(seed));
            var cli = new CliConfiguration();
            cli.AddRaw(parse.UnmatchedTokens);
            var settings = ConfigurationErrors.Guard(() => MeshSettings.From(cli.Build(parse.GetValue(config), console.Environment)));
            var (terminal, note) = FrontEndChoice.Decide(parse.GetValue(headless), console);
            using var owns = terminal as IDisposable;
            if (note is not null)
            {
                await console.Error.WriteLineAsync(note).ConfigureAwait(false);
            }

            return await RunLabAsync(settings, count, edges, console, terminal, parse.GetValue(logFile), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunLabAsync(MeshSettings settings, int count, IReadOnlyList<(int A, int B)> edges, CliConsole console, ITerminal? terminal, string? logFile, CancellationToken cancellationToken)
    {
        var started = new List<OwnedNode>();
        Exception? failure;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var index = i;
                var peers = edges.Where(e => e.B == index).Select(e => started[e.A].Node.ListenEndpoint).Select(Loopback).ToList();
                var nodeSettings = settings with
                {
                    Node = settings.Node with { Name = $"node-{i}" },
                    Discovery = settings.Discovery with { Enabled = false },
                    Store = settings.Store with { Ephemeral = true },
                };
                started.Add(await NodeLauncher.StartLabNodeAsync(nodeSettings, peers, cancellationToken).ConfigureAwait(false));
            }

            INodeFrontEnd frontEnd = terminal is null
                ? new HeadlessFrontEnd(console.In, new HeadlessEventWriter(console.Out, TimeProvider.System), lab: true)
                : new TuiFrontEnd(TuiOptions.From(settings.Ui, terminal, lab: true));
            failure = await NodeHostRunner.RunAsync(frontEnd, started.Select(n => n.Node).ToList(), logFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var node in started)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (failure is not null)
        {
            await console.Error.WriteLineAsync("meshnode: " + ConfigurationErrors.OneLine(failure.Message)).ConfigureAwait(false);
            return CliApplication.ExitFailure;
        }

        return CliApplication.ExitOk;
    }

    private static TransportEndpoint Loopback(TransportEndpoint endpoint) => new("127.0.0.1", endpoint.Port);
}
