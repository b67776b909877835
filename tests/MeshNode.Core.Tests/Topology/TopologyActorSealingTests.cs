using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Protocol;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Topology;

/// <summary>
/// Link-state confidentiality: network-sealed with a passphrase (a relay without it cannot read the
/// topology), link-protected on an open network, and no downgrade accepted on a passphrase network.
/// </summary>
public sealed class TopologyActorSealingTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private static readonly byte[] Salt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _other = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NetworkKey _key = NetworkKey.Derive("topology secret", Salt, NetworkKey.MinIterations);

    [Fact]
    public async Task In_passphrase_mode_its_link_state_is_sealed_with_the_network_key()
    {
        using var fernet = _key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        var (_, router, _, _) = Start(fernet);

        var routed = await router.ExpectMsgAsync<RouteEnvelope>();

        Assert.Equal(EnvelopeProtection.Network, routed.Envelope.Protection);
        var body = Assert.IsType<LinkStateBody>(BodyProtector.Open(routed.Envelope, _other, fernet, BodyLimits.Default));
        Assert.Equal(_self.Id, body.Origin);
    }

    [Fact]
    public async Task A_relay_without_the_passphrase_cannot_read_sealed_link_state()
    {
        using var fernet = _key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        var (_, router, _, _) = Start(fernet);
        var routed = await router.ExpectMsgAsync<RouteEnvelope>();

        var refused = Assert.Throws<ProtocolViolationException>(() => BodyProtector.Open(routed.Envelope, _other, null, BodyLimits.Default));
        Assert.Equal(ProtocolViolationReason.BodyUnreadable, refused.Reason);
        Assert.DoesNotContain(_self.Id.ToByteArray(), [.. Windows(routed.Envelope.Body.ToArray(), 16)], new BytesComparer());
    }

    [Fact]
    public async Task On_an_open_network_its_link_state_is_protected_by_the_links_only()
    {
        var (_, router, _, _) = Start(null);

        var routed = await router.ExpectMsgAsync<RouteEnvelope>();

        Assert.Equal(EnvelopeProtection.Link, routed.Envelope.Protection);
        Assert.IsType<LinkStateBody>(BodyProtector.Open(routed.Envelope, _other, null, BodyLimits.Default));
    }

    [Fact]
    public async Task In_passphrase_mode_a_sealed_record_from_another_node_is_taken()
    {
        using var fernet = _key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        var (topology, _, chat, _) = Start(fernet);

        topology.Tell(new DeliverEnvelope(RecordOf(_other, fernet, EnvelopeProtection.Network), _other.Id));

        var learned = await chat.FishForMessageAsync<PeerLearned>(_ => true);
        Assert.Equal(_other.Id, learned.Id);
    }

    [Fact]
    public async Task In_passphrase_mode_a_record_protected_by_the_links_only_is_refused_and_counted()
    {
        using var fernet = _key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        var (topology, _, chat, counters) = Start(fernet);
        var warnings = CreateTestProbe("warnings");
        Sys.EventStream.Subscribe(warnings.Ref, typeof(NodeWarning));

        topology.Tell(new DeliverEnvelope(RecordOf(_other, null, EnvelopeProtection.Link), _other.Id));

        var warning = await warnings.ExpectMsgAsync<NodeWarning>();
        Assert.Contains("not the network key", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.RejectedEnvelopes);
        var view = await topology.Ask<TopologyView>(GetTopology.Instance, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(view.Nodes, n => n.NodeId == _other.Id.ToString());
        await chat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task On_an_open_network_a_sealed_record_it_cannot_open_is_dropped_and_counted()
    {
        using var fernet = _key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        var (topology, _, _, counters) = Start(null);
        var warnings = CreateTestProbe("warnings");
        Sys.EventStream.Subscribe(warnings.Ref, typeof(NodeWarning));

        topology.Tell(new DeliverEnvelope(RecordOf(_other, fernet, EnvelopeProtection.Network), _other.Id));

        await warnings.ExpectMsgAsync<NodeWarning>();
        Assert.Equal(1, counters.UnreadableBodies);
    }

    public void Dispose()
    {
        _self.Dispose();
        _other.Dispose();
        _key.Dispose();
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int size)
    {
        for (var i = 0; i + size <= bytes.Length; i++)
        {
            yield return bytes[i..(i + size)];
        }
    }

    /// <summary>A link-state record of <paramref name="origin"/> listing this node, made the way a node of the given mode makes it.</summary>
    private VerifiedEnvelope RecordOf(NodeIdentity origin, FernetCodec? fernet, EnvelopeProtection protection)
    {
        var context = new LinkContext(origin, null, MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, new NodeCounters(), fernet);
        var body = new LinkStateBody(origin.Id, 7, [new LinkNeighbour(_self.Id, 1000)], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), origin.SealingPublicKey, "other");
        return OutboundEnvelopes.Create(context, null, body, protection);
    }

    private (IActorRef Topology, Actors.TestKit.TestProbe Router, Actors.TestKit.TestProbe Chat, NodeCounters Counters) Start(FernetCodec? fernet)
    {
        var counters = new NodeCounters();
        var context = new LinkContext(_self, fernet is null ? null : _key, MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, counters, fernet);
        var router = CreateTestProbe("router");
        var chat = CreateTestProbe("chat");
        return (ActorOf(Props.Create(() => new TopologyActor(context, router.Ref, chat.Ref))), router, chat, counters);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
