using System.CommandLine;
using System.Globalization;

namespace MeshNode.Cli.Commands;

/// <summary>The options of <c>meshnode run</c> and how they map onto configuration keys.</summary>
internal sealed class RunOptions
{
    /// <summary><c>--name</c>: mesh.node.name.</summary>
    public Option<string?> Name { get; } = new("--name") { Description = "Name shown to other people (mesh.node.name)." };

    /// <summary><c>--profile</c>: mesh.node.profile-dir.</summary>
    public Option<string?> Profile { get; } = CommonOptions.Profile();

    /// <summary><c>--port</c>: mesh.link.port.</summary>
    public Option<int?> Port { get; } = new("--port") { Description = "TCP port for links; 0 picks any free port (mesh.link.port)." };

    /// <summary><c>--discovery-port</c>: mesh.discovery.port.</summary>
    public Option<int?> DiscoveryPort { get; } = new("--discovery-port") { Description = "UDP port for discovery announcements (mesh.discovery.port)." };

    /// <summary><c>--no-discovery</c>: mesh.discovery.enabled = off.</summary>
    public Option<bool> NoDiscovery { get; } = new("--no-discovery") { Description = "Do not announce or listen for peers; only static peers (mesh.discovery.enabled)." };

    /// <summary><c>--peer</c>, repeatable: appended to mesh.discovery.static-peers.</summary>
    public Option<string[]> Peers { get; } = new("--peer") { Description = "Peer to dial, HOST:PORT; repeatable (mesh.discovery.static-peers).", HelpName = "HOST:PORT", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    /// <summary><c>--config</c>.</summary>
    public Option<string?> Config { get; } = CommonOptions.Config();

    /// <summary><c>--passphrase-file</c>.</summary>
    public Option<string?> PassphraseFile { get; } = new("--passphrase-file") { Description = "File whose first line is the network passphrase (or set MESHNODE_PASSPHRASE).", HelpName = "FILE" };

    /// <summary><c>--passphrase</c>: recognised only to refuse it with a clear message.</summary>
    public Option<string?> Passphrase { get; } = new("--passphrase") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };

    /// <summary><c>--network-salt</c>: the salt of the network to join, base64url.</summary>
    public Option<string?> NetworkSalt { get; } = new("--network-salt") { Description = "Salt of the passphrase network to join (base64url, shown by the node that created it).", HelpName = "SALT" };

    /// <summary><c>--ephemeral</c>: mesh.store.ephemeral = on, and an in-memory identity.</summary>
    public Option<bool> Ephemeral { get; } = new("--ephemeral") { Description = "Keep nothing on disk: in-memory identity and store (mesh.store.ephemeral)." };

    /// <summary><c>--log-file</c>.</summary>
    public Option<string?> LogFile { get; } = new("--log-file") { Description = "Append a lifecycle log here (never message text).", HelpName = "FILE" };

    /// <summary><c>--headless</c>.</summary>
    public Option<bool> Headless { get; } = new("--headless") { Description = "JSON events on stdout and slash commands on stdin, no terminal UI." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <param name="command">The run command, or <c>config</c>.</param>
    /// <param name="configurationOnly">Only the options that set configuration keys (for <c>meshnode config</c>).</param>
    public void AddTo(Command command, bool configurationOnly = false)
    {
        Option[] all = configurationOnly
            ? [Config, Name, Profile, Port, DiscoveryPort, NoDiscovery, Peers, Ephemeral]
            : [Name, Profile, Port, DiscoveryPort, NoDiscovery, Peers, Config, PassphraseFile, Passphrase, NetworkSalt, Ephemeral, LogFile, Headless];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Turns the given flags into configuration overrides (plus any raw <c>--mesh.*</c> tokens).</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="environment">The environment, to count static peers already configured.</param>
    /// <returns>The overrides with their flags.</returns>
    public CliConfiguration ToConfiguration(ParseResult parse, IReadOnlyDictionary<string, string> environment)
    {
        var cli = new CliConfiguration();
        cli.AddRaw(parse.UnmatchedTokens);
        if (parse.GetValue(Name) is { } name)
        {
            cli.Set("mesh.node.name", name, "--name");
        }

        if (parse.GetValue(Profile) is { } profile)
        {
            cli.Set("mesh.node.profile-dir", ProfilePaths.Resolve(profile), "--profile");
        }

        if (parse.GetValue(Port) is { } port)
        {
            cli.Set("mesh.link.port", port.ToString(CultureInfo.InvariantCulture), "--port");
        }

        if (parse.GetValue(DiscoveryPort) is { } discoveryPort)
        {
            cli.Set("mesh.discovery.port", discoveryPort.ToString(CultureInfo.InvariantCulture), "--discovery-port");
        }

        if (parse.GetValue(NoDiscovery))
        {
            cli.Set("mesh.discovery.enabled", "off", "--no-discovery");
        }

        if (parse.GetValue(Ephemeral))
        {
            cli.Set("mesh.store.ephemeral", "on", "--ephemeral");
        }

        var peers = parse.GetValue(Peers) ?? [];
        if (peers.Length > 0)
        {
            // --peer adds to the configured list: count what the other layers already hold.
            var existing = ConfigurationErrors.Guard(() => cli.Build(parse.GetValue(Config), environment))
                .GetSection("mesh:discovery:static-peers").GetChildren().Count();
            for (var i = 0; i < peers.Length; i++)
            {
                cli.Set($"mesh.discovery.static-peers.{existing + i}", peers[i], "--peer");
            }
        }

        return cli;
    }
}
