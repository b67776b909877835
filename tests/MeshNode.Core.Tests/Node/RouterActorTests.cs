using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Node;

public sealed class RouterActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _origin = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _left = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _right = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeCounters _counters = new();

    [Fact]
    public async Task Floods_a_new_broadcast_to_every_other_link_delivers_it_once_and_drops_replays_and_forgeries()
    {
        var (router, chat, left, right) = Start();
        var envelope = Broadcast("hi");

        router.Tell(new InboundEnvelope(_left.Id, envelope.Encoded));
        var delivered = await chat.ExpectMsgAsync<DeliverEnvelope>();
        Assert.Equal(envelope.Id, delivered.Envelope.Id);
        var forwarded = await right.ExpectMsgAsync<SendFrame>();
        var relayed = EnvelopeCodec.Verify(((EnvelopeFrame)forwarded.Message).SignedEnvelope, EnvelopeLimits.Default);
        Assert.Equal(1u, relayed.HopCount);
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        router.Tell(new InboundEnvelope(_right.Id, envelope.Encoded));
        var forged = envelope.Encoded.ToArray();
        forged[^2] ^= 1;
        router.Tell(new InboundEnvelope(_right.Id, forged));
        await chat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, _counters.DuplicateEnvelopes);
        Assert.Equal(1, _counters.RejectedEnvelopes);
    }

    [Fact]
    public async Task Sends_a_directed_envelope_only_to_the_link_of_its_destination()
    {
        var (router, chat, left, right) = Start();
        var (type, body) = BodyCodec.Encode(new ChatBody("for right", 1, ChatScope.Direct));
        var envelope = EnvelopeCodec.Create(
            _origin, new EnvelopeDraft(_right.Id, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);

        router.Tell(new InboundEnvelope(_left.Id, envelope.Encoded));

        await right.ExpectMsgAsync<SendFrame>();
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await chat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    public void Dispose()
    {
        _self.Dispose();
        _origin.Dispose();
        _left.Dispose();
        _right.Dispose();
    }

    private (IActorRef Router, Actors.TestKit.TestProbe Chat, Actors.TestKit.TestProbe Left, Actors.TestKit.TestProbe Right) Start()
    {
        var context = new LinkContext(_self, null, MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, _counters, null);
        var router = ActorOf(Props.Create(() => new RouterActor(context)));
        var chat = CreateTestProbe("chat");
        var topology = CreateTestProbe("topology");
        var left = CreateTestProbe("left");
        var right = CreateTestProbe("right");
        router.Tell(new RouterTargets(chat.Ref, topology.Ref));
        router.Tell(new LinkAttached(Peer(_left), left.Ref));
        router.Tell(new LinkAttached(Peer(_right), right.Ref));
        return (router, chat, left, right);
    }

    private static LinkPeer Peer(NodeIdentity identity) =>
        new(identity.Id, identity.Id.Short, identity.PublicKey, identity.SealingPublicKey, new TransportEndpoint("127.0.0.1", 1), Inbound: true);

    private VerifiedEnvelope Broadcast(string text)
    {
        var (type, body) = BodyCodec.Encode(new ChatBody(text, 1, ChatScope.All));
        return EnvelopeCodec.Create(
            _origin, new EnvelopeDraft(null, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);
    }
}
