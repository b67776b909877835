using System.Net;
using System.Net.Sockets;
using MeshNode.Cli.Runtime;
using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Cli.Tests.Runtime;

public sealed class NetworkKeysTests : IDisposable
{
    // No salt listen here: the tests that listen say so and use their own port.
    private static readonly MeshSettings Open = MeshSettings.Defaults with
    {
        Security = MeshSettings.Defaults.Security with { Pbkdf2Iterations = NetworkKey.MinIterations },
        Network = MeshSettings.Defaults.Network with { SaltListen = TimeSpan.Zero },
    };

    private static readonly MeshSettings Passphrase = Open with { Security = Open.Security with { Mode = SecurityMode.Passphrase } };

    private readonly string _dir = Directory.CreateTempSubdirectory("meshnode-cli-net-").FullName;

    [Fact]
    public void An_open_network_without_a_passphrase_has_no_key()
    {
        Assert.Null(NetworkKeys.Create(null, Open, null, _dir, TextWriter.Null));
    }

    [Fact]
    public void Passphrase_mode_without_a_passphrase_is_an_error_naming_the_setting()
    {
        var ex = Assert.Throws<CliUserException>(() => NetworkKeys.Create(null, Passphrase, null, _dir, TextWriter.Null));

        Assert.Contains("mesh.security.mode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_a_network_saves_its_salt_and_derives_the_same_key_next_time()
    {
        var notices = new StringWriter();
        var passphrase = "correct horse".ToCharArray();

        using var first = NetworkKeys.Create(passphrase, Open, null, _dir, notices)!;
        using var second = NetworkKeys.Create("correct horse".ToCharArray(), Open, null, _dir, TextWriter.Null)!;

        Assert.Equal(first.Tag.ToArray(), second.Tag.ToArray());
        Assert.Equal(first.Salt.ToArray(), File.ReadAllBytes(Path.Combine(_dir, NetworkKeys.SaltFileName)));
        Assert.Contains("--network-salt", notices.ToString(), StringComparison.Ordinal);
        Assert.All(passphrase, c => Assert.Equal('\0', c));
    }

    [Fact]
    public void Joins_with_the_salt_from_the_mesh_network_salt_setting_without_creating_one()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var configured = Open with { Network = Open.Network with { Salt = salt } };
        using var notices = new StringWriter();

        using var key = NetworkKeys.Create("pw".ToCharArray(), configured, null, _dir, notices)!;

        Assert.Equal(salt, key.Salt.ToArray());
        Assert.Empty(notices.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, NetworkKeys.SaltFileName)));
    }

    [Fact]
    public void Joins_with_the_salt_given_as_base64url()
    {
        using var key = NetworkKeys.Create("pw".ToCharArray(), Open, "AAECAwQFBgcICQoLDA0ODw", null, TextWriter.Null)!;

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray(), key.Salt.ToArray());
    }

    [Theory]
    [InlineData("AAEC")]
    [InlineData("not base64 at all!")]
    public void Refuses_a_bad_salt(string salt)
    {
        var ex = Assert.Throws<CliUserException>(() => NetworkKeys.Create("pw".ToCharArray(), Open, salt, null, TextWriter.Null));

        Assert.Contains("--network-salt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learns_the_salt_from_a_passphrase_node_announcing_on_the_discovery_port_and_saves_it()
    {
        var port = FreeUdpPort();
        var salt = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();
        using var network = NetworkKey.Derive("correct horse", salt, NetworkKey.MinIterations);
        await using var member = await StartAnnouncingNodeAsync(network, port);
        var listening = Listening(port, TimeSpan.FromSeconds(30));
        var notices = new StringWriter();

        using var key = (await NetworkKeys.CreateAsync("correct horse".ToCharArray(), listening, null, _dir, notices))!;

        Assert.Equal(salt, key.Salt.ToArray());
        Assert.Equal(network.Tag.ToArray(), key.Tag.ToArray());
        Assert.Equal(salt, File.ReadAllBytes(Path.Combine(_dir, NetworkKeys.SaltFileName)));
        Assert.Contains("joined the passphrase network", notices.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("created a new network", notices.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_passphrase_heard_is_not_joined_and_a_new_network_is_created_saying_why()
    {
        var port = FreeUdpPort();
        using var other = NetworkKey.Derive("another group", Enumerable.Range(0, 16).Select(i => (byte)i).ToArray(), NetworkKey.MinIterations);
        await using var stranger = await StartAnnouncingNodeAsync(other, port);
        var notices = new StringWriter();

        // The announcer sends its first announce at start; 1.5 s is ample on loopback.
        using var key = (await NetworkKeys.CreateAsync("correct horse".ToCharArray(), Listening(port, TimeSpan.FromMilliseconds(1500)), null, null, notices))!;

        Assert.NotEqual(other.Tag.ToArray(), key.Tag.ToArray());
        Assert.Contains("created a new network", notices.ToString(), StringComparison.Ordinal);
        Assert.Contains("not saved: --ephemeral", notices.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_heard_within_the_salt_listen_creates_a_new_network()
    {
        var notices = new StringWriter();

        using var key = (await NetworkKeys.CreateAsync("correct horse".ToCharArray(), Listening(FreeUdpPort(), TimeSpan.FromMilliseconds(300)), null, _dir, notices))!;

        Assert.Contains("no announce of a passphrase network heard", notices.ToString(), StringComparison.Ordinal);
        Assert.Equal(key.Salt.ToArray(), File.ReadAllBytes(Path.Combine(_dir, NetworkKeys.SaltFileName)));
    }

    [Fact]
    public void With_discovery_off_a_new_network_is_created_at_once_saying_why()
    {
        var settings = Listening(FreeUdpPort(), TimeSpan.FromSeconds(30)) with { Discovery = Open.Discovery with { Enabled = false } };
        var notices = new StringWriter();

        using var key = NetworkKeys.Create("pw".ToCharArray(), settings, null, _dir, notices)!;

        Assert.Contains("discovery is off", notices.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_saved_salt_is_refused_with_the_file_named()
    {
        File.WriteAllBytes(Path.Combine(_dir, NetworkKeys.SaltFileName), [1, 2, 3]);

        var ex = Assert.Throws<CliUserException>(() => NetworkKeys.Create("pw".ToCharArray(), Open, null, _dir, TextWriter.Null));

        Assert.Contains(NetworkKeys.SaltFileName, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MeshSettings Listening(int port, TimeSpan wait) => Open with
    {
        Discovery = Open.Discovery with { Enabled = true, Port = port },
        Network = Open.Network with { SaltListen = wait },
    };

    private static async Task<AnnouncingNode> StartAnnouncingNodeAsync(NetworkKey network, int port)
    {
        var identity = NodeIdentity.Generate(SystemRandomSource.Instance);
        var store = await SqliteMeshStore.OpenEphemeralAsync();
        var node = await MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = Listening(port, TimeSpan.Zero) with { Node = Open.Node with { Name = "member" } },
            Identity = identity,
            Store = store,
            Transport = new TcpTransport(),
            ListenEndpoint = new TransportEndpoint("127.0.0.1", 0),
            Network = network,
            DiscoveryEnabled = true,
            DiscoveryLoopbackOnly = true,
        });
        return new AnnouncingNode(node, store, identity);
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A node announcing its network on loopback, stopped and disposed with the test.</summary>
    private sealed class AnnouncingNode(IMeshNode node, IMeshStore store, NodeIdentity identity) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await node.StopAsync();
            await store.DisposeAsync();
            identity.Dispose();
        }
    }
}
