using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Every setting of the node, bound from configuration (keys under <c>mesh</c>, documented in
/// hocon.conf) and validated as a whole at start-up. Immutable; use <c>with</c> to derive variants
/// in tests.
/// </summary>
public sealed record MeshSettings
{
    private static readonly Lazy<MeshSettings> LazyDefaults =
        new(() => From(new ConfigurationBuilder().AddHoconDefaults().Build()));

    /// <summary>The settings of the embedded hocon.conf alone.</summary>
    public static MeshSettings Defaults => LazyDefaults.Value;

    /// <summary>Identity and profile folder (<c>mesh.node</c>).</summary>
    public required NodeSettings Node { get; init; }

    /// <summary>Peer discovery (<c>mesh.discovery</c>).</summary>
    public required DiscoverySettings Discovery { get; init; }

    /// <summary>Links (<c>mesh.link</c>).</summary>
    public required LinkSettings Link { get; init; }

    /// <summary>Routing (<c>mesh.router</c>).</summary>
    public required RouterSettings Router { get; init; }

    /// <summary>Envelope bounds (<c>mesh.envelope</c>).</summary>
    public required EnvelopeSettings Envelope { get; init; }

    /// <summary>Passphrase network key handling (<c>mesh.network</c>).</summary>
    public required NetworkSettings Network { get; init; }

    /// <summary>Chat (<c>mesh.chat</c>).</summary>
    public required ChatSettings Chat { get; init; }

    /// <summary>Topology (<c>mesh.topology</c>).</summary>
    public required TopologySettings Topology { get; init; }

    /// <summary>Security mode (<c>mesh.security</c>).</summary>
    public required SecuritySettings Security { get; init; }

    /// <summary>File transfers (<c>mesh.transfers</c>).</summary>
    public required TransferSettings Transfers { get; init; }

    /// <summary>Local store (<c>mesh.store</c>).</summary>
    public required StoreSettings Store { get; init; }

    /// <summary>Terminal UI (<c>mesh.ui</c>).</summary>
    public required UiSettings Ui { get; init; }

    /// <summary>
    /// Binds and validates every setting. All problems are reported at once, each naming its key
    /// and, when <paramref name="configuration"/> is an <see cref="IConfigurationRoot"/>, who set it:
    /// <c>mesh.discovery.interval must be a duration, got "fast" (set by config/hotspot.conf:12:16)</c>.
    /// </summary>
    /// <param name="configuration">Configuration holding the <c>mesh</c> keys, e.g. from <see cref="MeshConfiguration.Build"/>.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ConfigurationException">A setting is missing or invalid; <see cref="ConfigurationException.Key"/> names the first.</exception>
    public static MeshSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var reader = new SettingsReader(configuration);
        var settings = Read(reader);
        if (reader.Errors.Count > 0)
        {
            var lines = string.Join("\n", reader.Errors.Select(e => "  " + e.Message));
            throw new ConfigurationException(
                ConfigurationErrorReason.InvalidValue,
                reader.Errors.Count == 1 ? reader.Errors[0].Message : $"{reader.Errors.Count} invalid settings:\n{lines}",
                key: reader.Errors[0].Key);
        }

        return settings;
    }

    internal static MeshSettings Read(SettingsReader reader)
    {
        var node = NodeSettings.Read(reader);
        var link = LinkSettings.Read(reader);
        var router = RouterSettings.Read(reader);
        return new MeshSettings
        {
            Node = node,
            Discovery = DiscoverySettings.Read(reader),
            Link = link,
            Router = router,
            Envelope = EnvelopeSettings.Read(reader, link, router),
            Network = NetworkSettings.Read(reader),
            Chat = ChatSettings.Read(reader),
            Topology = TopologySettings.Read(reader),
            Security = SecuritySettings.Read(reader),
            Transfers = TransferSettings.Read(reader, link),
            Store = StoreSettings.Read(reader, node),
            Ui = UiSettings.Read(reader),
        };
    }
}
