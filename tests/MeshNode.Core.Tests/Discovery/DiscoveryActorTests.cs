using System.Net;
using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Discovery;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Discovery;

/// <summary>The discovery actor fed datagrams directly: it dials only valid announces of its own network.</summary>
public sealed class DiscoveryActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private static readonly IPEndPoint From = new(IPAddress.Parse("192.0.2.7"), 10000);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _peer = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NetworkKey _network = NetworkKey.Derive("pass", new byte[16], NetworkKey.MinIterations);

    [Fact]
    public async Task Dials_a_valid_announce_of_its_network_and_reports_the_peer_once()
    {
        var (discovery, links) = Start(_network);
        var discovered = CreateTestProbe("discovered");
        Sys.EventStream.Subscribe(discovered.Ref, typeof(PeerDiscovered));

        discovery.Tell(Datagram(Sign(_peer, _network, TimeProvider.System)));

        var dial = await links.ExpectMsgAsync<DialEndpoint>();
        Assert.Equal(new Core.Transport.TransportEndpoint("192.0.2.7", 4242), dial.Endpoint);
        Assert.Equal("peer", (await discovered.ExpectMsgAsync<PeerDiscovered>()).Name);
    }

    [Fact]
    public async Task Ignores_its_own_forged_stale_malformed_open_and_other_network_announces()
    {
        var (discovery, links) = Start(_network);
        using var other = NetworkKey.Derive("other", new byte[16], NetworkKey.MinIterations);
        var forged = Sign(_peer, _network, TimeProvider.System);
        forged[^1] ^= 0x01;
        var longAgo = new Support.ManualTimeProvider();

        discovery.Tell(Datagram(Sign(_self, _network, TimeProvider.System)));
        discovery.Tell(Datagram(forged));
        discovery.Tell(Datagram(Sign(_peer, _network, longAgo)));
        discovery.Tell(Datagram([0xff, 0x01, 0x02]));
        discovery.Tell(Datagram(Sign(_peer, null, TimeProvider.System)));
        discovery.Tell(Datagram(Sign(_peer, other, TimeProvider.System)));
        discovery.Tell(Datagram(new byte[MeshSettings.Defaults.Discovery.MaxDatagramSize + 1]));

        await links.ExpectNoMsgAsync(Quiet);

        // Still alive and listening: a good announce after all that is dialled.
        discovery.Tell(Datagram(Sign(_peer, _network, TimeProvider.System)));
        await links.ExpectMsgAsync<DialEndpoint>();
    }

    [Fact]
    public async Task An_open_node_ignores_passphrase_network_announces()
    {
        var (discovery, links) = Start(null);

        discovery.Tell(Datagram(Sign(_peer, _network, TimeProvider.System)));

        await links.ExpectNoMsgAsync(Quiet);
    }

    public void Dispose()
    {
        _self.Dispose();
        _peer.Dispose();
        _network.Dispose();
    }

    private static byte[] Sign(NodeIdentity identity, NetworkKey? network, TimeProvider time) =>
        AnnounceCodec.Sign(identity, "peer", [new PeerEndpoint("0.0.0.0", 4242)], network, time);

    private static DiscoveryDatagram Datagram(byte[] payload) => new(payload, From, DateTimeOffset.UtcNow);

    private (IActorRef Discovery, Actors.TestKit.TestProbe Links) Start(NetworkKey? network)
    {
        var context = new LinkContext(_self, network, MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, new NodeCounters(), null);
        var links = CreateTestProbe("links");
        var discovery = ActorOf(Props.Create(() => new DiscoveryActor(context, null, 9999, links.Ref)));
        return (discovery, links);
    }
}
