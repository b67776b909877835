using System.Net;
using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config.Tests;

/// <summary>Typed binding of every section, validation errors that name the key, and hocon.conf completeness.</summary>
public sealed class MeshSettingsTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static MeshSettings Bind(params string[] flags) =>
        MeshSettings.From(MeshConfiguration.Build(environment: NoEnvironment, commandLineArgs: flags));

    private static ConfigurationException Invalid(params string[] flags) =>
        Assert.Throws<ConfigurationException>(() => Bind(flags));

    [Fact]
    public void Defaults_bind_to_the_documented_values()
    {
        var s = MeshSettings.Defaults;
        Assert.Equal(9999, s.Link.Port);
        Assert.Equal(10000, s.Discovery.Port);
        Assert.True(s.Discovery.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(2), s.Discovery.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.Discovery.Jitter);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Discovery.AwayTimeout);
        Assert.Empty(s.Discovery.StaticPeers);
        Assert.Empty(s.Discovery.BroadcastAddresses);
        Assert.Equal(TimeSpan.FromSeconds(3), s.Link.DeadLinkTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Link.KeepaliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), s.Link.HandshakeTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.Link.ReconnectMinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Link.ReconnectMaxBackoff);
        Assert.Equal(0.2, s.Link.ReconnectJitter);
        Assert.Equal(65535, s.Link.MaxFrameSize);
        Assert.Equal(1024, s.Link.SendQueueCapacity);
        Assert.Equal(16, s.Router.HopLimit);
        Assert.Equal(65536, s.Router.DedupCacheSize);
        Assert.Equal(TimeSpan.FromMinutes(10), s.Router.DedupMaxAge);
        Assert.Equal(500, s.Router.PerLinkRateLimit);
        Assert.Equal(256, s.Router.StoreAndForwardQueueSize);
        Assert.Equal(TimeSpan.FromHours(1), s.Router.StoreAndForwardTtl);
        Assert.Equal(SecurityMode.Open, s.Security.Mode);
        Assert.Equal(600_000, s.Security.Pbkdf2Iterations);
        Assert.Null(s.Security.PassphraseFile);
        Assert.Equal(32 * 1024, s.Transfers.ChunkSize);
        Assert.Equal(16, s.Transfers.Window);
        Assert.False(s.Store.Ephemeral);
        Assert.Equal(Path.Combine(s.Node.ProfileDirectory, "meshnode.db"), s.Store.Path);
        Assert.Equal(TimeSpan.FromMilliseconds(100), s.Ui.RefreshInterval);
        Assert.Equal(1024, s.Discovery.MaxDatagramSize);
        Assert.Equal(TimeSpan.FromMinutes(5), s.Discovery.MaxClockSkew);
        Assert.Equal(64, s.Link.MaxExchangedPeers);
        Assert.Equal(65000, s.Envelope.MaxSize);
        Assert.Equal(16, s.Envelope.MaxHopLimit);
        Assert.Equal(1024, s.Envelope.MaxListItems);
        Assert.Equal(4, s.Network.MaxSaltTrials);
        Assert.Equal(4096, s.Chat.MaxTextBytes);
        Assert.Equal(256, s.Topology.MaxNeighbours);
        Assert.Equal(48 * 1024, s.Transfers.MaxChunkSize);
        Assert.Equal(4096, s.Node.EventBuffer);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Node.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Chat.RetryMaxBackoff);
        Assert.Equal(TimeSpan.FromMilliseconds(5), s.Topology.MinEdgeCost);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Topology.ReissueInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), s.Topology.MaxAge);
        Assert.Equal(4096, s.Topology.MaxNodes);
        Assert.Equal(4096, s.Chat.RecentDirectCacheSize);
        Assert.Equal(1024, s.Discovery.MaxPeers);
        Assert.Equal(Environment.MachineName, s.Node.Name);
        Assert.True(Path.IsPathRooted(s.Node.ProfileDirectory));
        Assert.Equal(Path.Combine(NodeSettings.ProfilesRoot, "default"), s.Node.ProfileDirectory);
    }

    [Fact]
    public void Every_setting_in_hocon_conf_is_read_and_every_read_setting_is_in_hocon_conf()
    {
        var config = new ConfigurationBuilder().AddHoconDefaults().Build();
        var reader = new SettingsReader(config);
        MeshSettings.Read(reader);
        Assert.Empty(reader.Errors);
        var documented = config.AsEnumerable()
            .Where(kv => kv.Value is not null || !config.GetSection(kv.Key).GetChildren().Any())
            .Select(kv => kv.Key.Replace(':', '.'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(documented.Order(StringComparer.OrdinalIgnoreCase), reader.KeysRead.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_setting_in_hocon_conf_has_a_comment_above_it()
    {
        var lines = EmbeddedConfiguration.Defaults.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            {
                Assert.True(i > 0 && lines[i - 1].Trim().StartsWith('#'), $"hocon.conf line {i + 1} '{line}' has no comment above it");
            }
        }
    }

    [Theory]
    [InlineData("hotspot")]
    [InlineData("lab")]
    [InlineData("private")]
    public void Shipped_profiles_bind_and_validate(string profile)
    {
        var settings = MeshSettings.From(MeshConfiguration.Build(profile, NoEnvironment));
        Assert.NotNull(settings);
    }

    [Fact]
    public void Profiles_say_what_they_promise()
    {
        var hotspot = MeshSettings.From(MeshConfiguration.Build("hotspot", NoEnvironment));
        Assert.True(hotspot.Link.DeadLinkTimeout < MeshSettings.Defaults.Link.DeadLinkTimeout);
        var lab = MeshSettings.From(MeshConfiguration.Build("lab", NoEnvironment));
        Assert.Equal(0, lab.Link.Port);
        Assert.True(lab.Discovery.Interval < TimeSpan.FromSeconds(1));
        var priv = MeshSettings.From(MeshConfiguration.Build("private", NoEnvironment));
        Assert.Equal(SecurityMode.Passphrase, priv.Security.Mode);
        Assert.True(priv.Store.Ephemeral);
    }

    [Fact]
    public void Names_the_key_and_the_bad_value_for_a_bad_duration()
    {
        var e = Invalid("--mesh.discovery.interval=fast");
        Assert.Equal("mesh.discovery.interval", e.Key);
        Assert.StartsWith("mesh.discovery.interval must be a duration, got \"fast\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("set by command-line flag --mesh.discovery.interval", e.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigurationErrorReason.InvalidValue, e.Reason);
    }

    [Theory]
    [InlineData("mesh.link.port", "70000", "must be an integer from 0 to 65535")]
    [InlineData("mesh.link.port", "-1", "must be an integer from 0 to 65535")]
    [InlineData("mesh.discovery.port", "0", "must be an integer from 1 to 65535")]
    [InlineData("mesh.link.max-frame-size", "128KiB", "must be from 64 to 65535 bytes")]
    [InlineData("mesh.link.max-frame-size", "big", "must be a size in bytes")]
    [InlineData("mesh.transfers.chunk-size", "0", "must be from 1024")]
    [InlineData("mesh.transfers.chunk-size", "65000", "must be from 1024")]
    [InlineData("mesh.link.dead-link-timeout", "500ms", "must be longer than mesh.link.keepalive-interval")]
    [InlineData("mesh.link.reconnect-max-backoff", "100ms", "must be at least mesh.link.reconnect-min-backoff")]
    [InlineData("mesh.link.reconnect-jitter", "2", "must be a number from 0 to 1")]
    [InlineData("mesh.link.handshake-timeout", "infinite", "must be a finite duration")]
    [InlineData("mesh.link.handshake-timeout", "-5s", "must be at least")]
    [InlineData("mesh.discovery.away-timeout", "1s", "must be longer than mesh.discovery.interval")]
    [InlineData("mesh.discovery.enabled", "maybe", "must be a boolean")]
    [InlineData("mesh.discovery.static-peers:0", "nohost", "must hold \"host:port\" entries")]
    [InlineData("mesh.discovery.broadcast-addresses:0", "::1", "must hold IPv4 addresses")]
    [InlineData("mesh.router.hop-limit", "0", "must be an integer from 1 to 255")]
    [InlineData("mesh.security.mode", "secret", "must be one of open|passphrase")]
    [InlineData("mesh.security.mode", "1", "must be one of open|passphrase")]
    [InlineData("mesh.security.pbkdf2-iterations", "99999", "must be an integer from 100000")]
    [InlineData("mesh.ui.refresh-interval", "1ms", "must be at least 16ms")]
    [InlineData("mesh.node.name", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "must be at most 64 UTF-8 bytes")]
    [InlineData("mesh.node.name", "ééééééééééééééééééééééééééééééééé", "must be at most 64 UTF-8 bytes")]
    [InlineData("mesh.envelope.max-hop-limit", "4", "must not exceed mesh.envelope.max-hop-limit (4)")]
    [InlineData("mesh.envelope.max-size", "100", "must be from 256")]
    [InlineData("mesh.transfers.max-chunk-size", "16KiB", "must not exceed mesh.transfers.max-chunk-size (16384 bytes)")]
    [InlineData("mesh.discovery.max-datagram-size", "70000", "must be from 256 to 65507 bytes")]
    [InlineData("mesh.network.max-salt-trials", "0", "must be an integer from 1 to 64")]
    [InlineData("mesh.ui.refresh-interval", "1 minute", "must be at most 10s")]
    [InlineData("mesh.topology.reissue-interval", "41s", "must be at most a third of mesh.topology.max-age (120 s)")]
    [InlineData("mesh.topology.max-age", "1s", "must be at least 3s")]
    [InlineData("mesh.topology.max-nodes", "0", "must be an integer from 1")]
    [InlineData("mesh.discovery.max-peers", "0", "must be an integer from 1 to 65536")]
    [InlineData("mesh.chat.recent-direct-cache-size", "1", "must be an integer from 16")]
    [InlineData("mesh.topology.min-edge-cost", "2s", "must be at most 1s")]
    [InlineData("mesh.node.event-buffer", "8", "must be an integer from 16")]
    [InlineData("mesh.node.command-timeout", "10ms", "must be at least 100ms")]
    [InlineData("mesh.chat.retry-max-backoff", "500ms", "must be at least 1s")]
    public void Rejects_out_of_range_values_naming_the_key(string key, string value, string expected)
    {
        var e = Invalid($"--{key}={value}");
        Assert.StartsWith("mesh.", e.Key, StringComparison.Ordinal);
        Assert.Contains(e.Key!, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_salt_is_absent_by_default_and_decodes_from_base64url()
    {
        Assert.Null(Bind().Network.Salt);
        var salt = Bind("--mesh.network.salt=AAECAwQFBgcICQoLDA0ODw").Network.Salt;
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (byte)i), salt!);
    }

    [Theory]
    [InlineData("AAECAwQFBgcICQoLDA0O")]
    [InlineData("not base64 at all!!")]
    public void Rejects_a_network_salt_that_is_not_16_bytes_naming_the_key(string salt)
    {
        var e = Invalid($"--mesh.network.salt={salt}");
        Assert.Contains("mesh.network.salt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_node_name_is_kept()
    {
        Assert.Equal("ada's laptop", Bind("--mesh.node.name=ada's laptop").Node.Name);
    }

    [Fact]
    public void Chunk_size_must_fit_a_lowered_frame_size()
    {
        var e = Invalid("--mesh.link.max-frame-size=16KiB", "--mesh.envelope.max-size=16000");
        Assert.Equal("mesh.transfers.chunk-size", e.Key);
        Assert.Contains("mesh.link.max-frame-size (16384)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Envelope_size_must_fit_a_lowered_frame_size()
    {
        var e = Invalid("--mesh.link.max-frame-size=16KiB", "--mesh.transfers.chunk-size=8KiB");
        Assert.Equal("mesh.envelope.max-size", e.Key);
        Assert.Contains("must fit one link frame", e.Message, StringComparison.Ordinal);
        Assert.NotNull(Bind("--mesh.link.max-frame-size=16KiB", "--mesh.transfers.chunk-size=8KiB", "--mesh.envelope.max-size=16000"));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var e = Invalid("--mesh.link.port=x", "--mesh.router.hop-limit=y");
        Assert.Contains("2 invalid settings", e.Message, StringComparison.Ordinal);
        Assert.Contains("mesh.link.port", e.Message, StringComparison.Ordinal);
        Assert.Contains("mesh.router.hop-limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_setting_without_defaults_is_reported()
    {
        var config = new ConfigurationBuilder().AddHoconString("mesh.link.port = 1", "partial.conf", _ => null).Build();
        var e = Assert.Throws<ConfigurationException>(() => MeshSettings.From(config));
        Assert.Contains("is not set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binds_static_peers_and_broadcast_addresses()
    {
        var s = Bind(
            "--mesh.discovery.static-peers:0=192.168.43.12:9999",
            "--mesh.discovery.static-peers:1=[fe80::1]:9998",
            "--mesh.discovery.static-peers:2=laptop.local:9999",
            "--mesh.discovery.broadcast-addresses:0=10.0.0.255");
        Assert.Equal([new DnsEndPoint("192.168.43.12", 9999), new DnsEndPoint("fe80::1", 9998), new DnsEndPoint("laptop.local", 9999)], s.Discovery.StaticPeers);
        Assert.Equal([IPAddress.Parse("10.0.0.255")], s.Discovery.BroadcastAddresses);
    }

    [Fact]
    public void A_comma_separated_environment_variable_sets_a_list()
    {
        var env = new Dictionary<string, string> { ["MESHNODE__mesh__discovery__static_peers"] = "10.0.0.2:9999, 10.0.0.3:9999" };
        var s = MeshSettings.From(MeshConfiguration.Build(environment: env));
        Assert.Equal(2, s.Discovery.StaticPeers.Count);
    }

    [Fact]
    public void A_comma_separated_flag_replaces_a_list_set_in_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"meshnode-peers-{Environment.ProcessId}.conf");
        File.WriteAllText(file, "mesh.discovery.static-peers = [\"10.0.0.9:9999\", \"10.0.0.8:9999\"]");
        try
        {
            var s = MeshSettings.From(MeshConfiguration.Build(file, NoEnvironment, ["--mesh.discovery.static-peers=10.0.0.2:9999"]));
            Assert.Equal([new DnsEndPoint("10.0.0.2", 9999)], s.Discovery.StaticPeers);
            var fromFile = MeshSettings.From(MeshConfiguration.Build(file, NoEnvironment));
            Assert.Equal(2, fromFile.Discovery.StaticPeers.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Hocon_units_reach_the_typed_settings()
    {
        var s = Bind("--mesh.discovery.interval=2 minutes", "--mesh.discovery.away-timeout=1h", "--mesh.transfers.chunk-size=16KiB", "--mesh.store.ephemeral=yes");
        Assert.Equal(TimeSpan.FromMinutes(2), s.Discovery.Interval);
        Assert.Equal(16384, s.Transfers.ChunkSize);
        Assert.True(s.Store.Ephemeral);
    }

    [Fact]
    public void Settings_error_from_a_file_names_the_file_and_line()
    {
        var config = new ConfigurationBuilder()
            .AddHoconDefaults()
            .AddHoconString("mesh {\n  discovery.interval = fast\n}", "my.conf", _ => null)
            .Build();
        var e = Assert.Throws<ConfigurationException>(() => MeshSettings.From(config));
        Assert.Contains("(set by my.conf:2:24)", e.Message, StringComparison.Ordinal);
        _ = HoconUnits.TryParseDuration("fast", out _);
    }
}
