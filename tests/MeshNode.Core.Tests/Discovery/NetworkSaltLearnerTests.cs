using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MeshNode.Core.Discovery;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Discovery;

/// <summary>Learning a passphrase network's salt from real signed announces, in memory and on loopback.</summary>
public sealed class NetworkSaltLearnerTests : IDisposable
{
    private const string Passphrase = "correct horse";
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    private readonly NodeIdentity _member = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NetworkKey _network = NetworkKey.Derive(Passphrase, Salt(1), NetworkKey.MinIterations);

    [Fact]
    public async Task Adopts_the_salt_of_an_announce_whose_tag_matches_the_passphrase()
    {
        var datagrams = Channel.CreateUnbounded<DiscoveryDatagram>();
        using var resolver = new NetworkKeyResolver(Passphrase, 4, NetworkKey.MinIterations);
        datagrams.Writer.TryWrite(Datagram(AnnounceCodec.Sign(_member, "member", [], _network, TimeProvider.System)));

        var result = await NetworkSaltLearner.LearnAsync(datagrams.Reader, resolver, LongWait, AnnounceLimits.Default, TimeProvider.System);

        using var key = Assert.IsType<NetworkKey>(result.Key);
        Assert.Equal(Salt(1), key.Salt.ToArray());
        Assert.Equal(_network.Tag.ToArray(), key.Tag.ToArray());
        Assert.Equal((1, 1, 0), (result.Announces, result.SaltsTried, result.Refused));
    }

    [Fact]
    public async Task Ignores_forged_malformed_open_and_other_network_announces()
    {
        using var other = NetworkKey.Derive("other passphrase", Salt(2), NetworkKey.MinIterations);
        var forged = AnnounceCodec.Sign(_member, "member", [], _network, TimeProvider.System);
        forged[^1] ^= 0x01;
        var datagrams = Channel.CreateUnbounded<DiscoveryDatagram>();
        datagrams.Writer.TryWrite(Datagram(forged));
        datagrams.Writer.TryWrite(Datagram([1, 2, 3]));
        datagrams.Writer.TryWrite(Datagram(AnnounceCodec.Sign(_member, "open", [], null, TimeProvider.System)));
        datagrams.Writer.TryWrite(Datagram(AnnounceCodec.Sign(_member, "other", [], other, TimeProvider.System)));
        datagrams.Writer.Complete();
        using var resolver = new NetworkKeyResolver(Passphrase, 4, NetworkKey.MinIterations);

        var result = await NetworkSaltLearner.LearnAsync(datagrams.Reader, resolver, LongWait, AnnounceLimits.Default, TimeProvider.System);

        Assert.Null(result.Key);
        Assert.Equal((1, 1, 2), (result.Announces, result.SaltsTried, result.Refused));
        Assert.False(result.TrialsExhausted);
    }

    [Fact]
    public async Task Gives_up_when_nothing_is_heard_within_the_wait()
    {
        var datagrams = Channel.CreateUnbounded<DiscoveryDatagram>();
        var time = new Support.ManualTimeProvider();
        using var resolver = new NetworkKeyResolver(Passphrase, 4, NetworkKey.MinIterations);

        var learning = NetworkSaltLearner.LearnAsync(datagrams.Reader, resolver, TimeSpan.FromSeconds(5), AnnounceLimits.Default, time);
        Assert.False(learning.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await learning.WaitAsync(LongWait);

        Assert.Null(result.Key);
        Assert.Equal(0, result.Announces);
        Assert.Equal(4, resolver.TrialsLeft);
    }

    [Fact]
    public async Task Derives_at_most_max_salt_trials_salts_so_a_flood_of_random_salts_cannot_burn_cpu()
    {
        var datagrams = Channel.CreateUnbounded<DiscoveryDatagram>();
        for (var i = 0; i < 10; i++)
        {
            using var decoy = NetworkKey.Derive("decoy", Salt(10 + i), NetworkKey.MinIterations);
            datagrams.Writer.TryWrite(Datagram(AnnounceCodec.Sign(_member, "decoy", [], decoy, TimeProvider.System)));
        }

        datagrams.Writer.TryWrite(Datagram(AnnounceCodec.Sign(_member, "member", [], _network, TimeProvider.System)));
        using var resolver = new NetworkKeyResolver(Passphrase, 2, NetworkKey.MinIterations);

        var result = await NetworkSaltLearner.LearnAsync(datagrams.Reader, resolver, LongWait, AnnounceLimits.Default, TimeProvider.System);

        Assert.Null(result.Key);
        Assert.True(result.TrialsExhausted);
        Assert.Equal(2, result.SaltsTried);
        Assert.Equal(0, resolver.TrialsLeft);
    }

    [Fact]
    public async Task Learns_the_salt_from_a_running_passphrase_node_announcing_on_loopback()
    {
        var port = FreeUdpPort();
        await using var mesh = new MeshHarness();
        await mesh.StartAsync("member", network: _network, discoveryPort: port);
        await using var socket = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = port, LoopbackOnly = true });
        using var resolver = new NetworkKeyResolver(Passphrase, 4, NetworkKey.MinIterations);

        var result = await NetworkSaltLearner.LearnAsync(socket.Received, resolver, LongWait, AnnounceLimits.Default, TimeProvider.System);

        using var key = Assert.IsType<NetworkKey>(result.Key);
        Assert.Equal(Salt(1), key.Salt.ToArray());
    }

    public void Dispose()
    {
        _member.Dispose();
        _network.Dispose();
    }

    private static byte[] Salt(int seed)
    {
        var salt = new byte[NetworkKey.SaltSize];
        new Random(seed).NextBytes(salt);
        return salt;
    }

    private static DiscoveryDatagram Datagram(byte[] payload) =>
        new(payload, new IPEndPoint(IPAddress.Loopback, 1), DateTimeOffset.UtcNow);

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
