using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Topology;
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

    [Fact]
    public async Task A_resent_directed_envelope_goes_on_again_after_the_repeat_interval_but_not_sooner()
    {
        var clock = new ManualTimeProvider();
        var (router, chat, left, right) = Start(time: clock);
        var toRight = Direct(_right.Id, "relay me");
        var toSelf = Direct(_self.Id, "for me");

        router.Tell(new InboundEnvelope(_left.Id, toRight.Encoded));
        router.Tell(new InboundEnvelope(_left.Id, toSelf.Encoded));
        await right.ExpectMsgAsync<SendFrame>();
        Assert.Equal(toSelf.Id, (await chat.ExpectMsgAsync<DeliverEnvelope>()).Envelope.Id);

        // Copies arriving together (another path, or at once) stay duplicates.
        clock.Advance(TimeSpan.FromMilliseconds(100));
        router.Tell(new InboundEnvelope(_left.Id, toRight.Encoded));
        router.Tell(new InboundEnvelope(_left.Id, toSelf.Encoded));
        await right.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await chat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, _counters.DuplicateEnvelopes);

        // The sender's resend after a lost receipt, a retry interval later: relayed and delivered again, once.
        clock.Advance(MeshSettings.Defaults.Router.DirectedRepeatInterval);
        router.Tell(new InboundEnvelope(_left.Id, toRight.Encoded));
        router.Tell(new InboundEnvelope(_left.Id, toSelf.Encoded));
        router.Tell(new InboundEnvelope(_left.Id, toRight.Encoded));
        var again = EnvelopeCodec.Verify(((EnvelopeFrame)(await right.ExpectMsgAsync<SendFrame>()).Message).SignedEnvelope, EnvelopeLimits.Default);
        Assert.Equal(toRight.Id, again.Id);
        Assert.Equal(toSelf.Id, (await chat.ExpectMsgAsync<DeliverEnvelope>()).Envelope.Id);
        await right.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(3, _counters.DuplicateEnvelopes);
        Assert.Equal(2, (await router.Ask<RouterStats>(GetRouterStats.Instance)).RepeatedDirected);
    }

    [Fact]
    public async Task Sends_a_digest_instead_of_the_payload_off_the_tree_and_answers_a_pull_with_the_exact_bytes()
    {
        var (router, chat, left, right) = Start();
        router.Tell(new TopologyUpdated(Square()));
        var envelope = Broadcast("tree");

        router.Tell(new InboundEnvelope(_left.Id, envelope.Encoded));
        await chat.ExpectMsgAsync<DeliverEnvelope>();
        // Both neighbours are one hop from the origin, this node two: it has no children in the
        // origin's tree, so right hears only a digest.
        var digest = Assert.IsType<BroadcastDigestFrame>((await right.ExpectMsgAsync<SendFrame>()).Message);
        Assert.Equal(new BroadcastRef(_origin.Id, envelope.Id), Assert.Single(digest.Broadcasts));
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        router.Tell(new InboundPull(_right.Id, new BroadcastPullFrame([new BroadcastRef(_origin.Id, envelope.Id), new BroadcastRef(_right.Id, envelope.Id)])));
        var answer = Assert.IsType<EnvelopeFrame>((await right.ExpectMsgAsync<SendFrame>()).Message);
        var relayed = EnvelopeCodec.Verify(answer.SignedEnvelope, EnvelopeLimits.Default);
        Assert.Equal(envelope.Id, relayed.Id);
        Assert.Equal(1u, relayed.HopCount);
        var stats = await router.Ask<RouterStats>(GetRouterStats.Instance);
        Assert.Equal(1, stats.PullsServed);
        Assert.Equal(1, stats.PullsMissed);
    }

    [Fact]
    public async Task Pulls_a_broadcast_it_only_heard_a_digest_of_and_forgets_it_once_it_arrives()
    {
        var (router, chat, left, right) = Start(r => r with { PullDelay = TimeSpan.FromMilliseconds(20) });
        var missed = Broadcast("missed");
        var arriving = Broadcast("arriving");

        router.Tell(new InboundDigest(_left.Id, new BroadcastDigestFrame([new BroadcastRef(_origin.Id, missed.Id), new BroadcastRef(_origin.Id, arriving.Id)])));
        router.Tell(new InboundEnvelope(_right.Id, arriving.Encoded));
        await chat.ExpectMsgAsync<DeliverEnvelope>();

        var pull = await left.FishForMessageAsync(m => m is SendFrame { Message: BroadcastPullFrame });
        var entries = ((BroadcastPullFrame)((SendFrame)pull).Message).Broadcasts;
        Assert.Equal(new BroadcastRef(_origin.Id, missed.Id), Assert.Single(entries));

        router.Tell(new InboundEnvelope(_left.Id, missed.Encoded));
        Assert.Equal(missed.Id, (await chat.ExpectMsgAsync<DeliverEnvelope>()).Envelope.Id);
    }

    [Fact]
    public async Task Tells_a_new_link_about_recent_broadcasts_but_not_its_own()
    {
        var (router, chat, left, _) = Start();
        var fromOrigin = Broadcast("before the link");
        router.Tell(new InboundEnvelope(_left.Id, fromOrigin.Encoded));
        await chat.ExpectMsgAsync<DeliverEnvelope>();

        var late = CreateTestProbe("late");
        router.Tell(new LinkAttached(Peer(_origin), late.Ref));
        var latecomer = NodeIdentity.Generate(SystemRandomSource.Instance);
        var other = CreateTestProbe("other");
        router.Tell(new LinkAttached(Peer(latecomer), other.Ref));

        await late.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        var digest = await other.FishForMessageAsync(m => m is SendFrame { Message: BroadcastDigestFrame });
        Assert.Contains(new BroadcastRef(_origin.Id, fromOrigin.Id), ((BroadcastDigestFrame)((SendFrame)digest).Message).Broadcasts);
        latecomer.Dispose();
    }

    [Fact]
    public async Task Floods_with_no_digests_in_flood_mode()
    {
        var (router, chat, left, right) = Start(r => r with { Broadcast = BroadcastMode.Flood });
        router.Tell(new TopologyUpdated(Square()));
        router.Tell(new InboundEnvelope(_left.Id, Broadcast("flood").Encoded));
        await chat.ExpectMsgAsync<DeliverEnvelope>();
        Assert.IsType<EnvelopeFrame>((await right.ExpectMsgAsync<SendFrame>()).Message);
        await right.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Drops_and_counts_what_a_link_sends_beyond_its_rate_while_other_links_pass()
    {
        var clock = new Routing.ManualTestClock();
        var (router, chat, _, _) = Start(r => r with { PerLinkRateLimit = 5 }, clock);
        for (var i = 0; i < 20; i++)
        {
            router.Tell(new InboundEnvelope(_left.Id, Broadcast($"burst {i}").Encoded));
        }

        for (var i = 0; i < 5; i++)
        {
            router.Tell(new InboundEnvelope(_right.Id, Broadcast($"calm {i}").Encoded));
        }

        var delivered = new List<DeliverEnvelope>();
        for (var i = 0; i < 10; i++)
        {
            delivered.Add(await chat.ExpectMsgAsync<DeliverEnvelope>());
        }

        await chat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(5, delivered.Count(d => d.From == _left.Id));
        Assert.Equal(5, delivered.Count(d => d.From == _right.Id));
        Assert.Equal(15, _counters.RateLimited);

        // A second later the bucket holds a second's worth again.
        clock.Advance(TimeSpan.FromSeconds(1));
        router.Tell(new InboundEnvelope(_left.Id, Broadcast("after a second").Encoded));
        Assert.Equal(_left.Id, (await chat.ExpectMsgAsync<DeliverEnvelope>()).From);
    }

    [Fact]
    public async Task Holds_a_directed_envelope_with_no_path_and_sends_it_when_its_destination_links_up()
    {
        var (router, _, left, right) = Start();
        using var away = NodeIdentity.Generate(SystemRandomSource.Instance);
        var (type, body) = BodyCodec.Encode(new ChatBody("for later", 1, ChatScope.Direct));
        var envelope = EnvelopeCodec.Create(
            _origin, new EnvelopeDraft(away.Id, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);

        router.Tell(new InboundEnvelope(_left.Id, envelope.Encoded));
        // No path: the fallback floods it to the other links, and the router keeps a copy.
        await right.ExpectMsgAsync<SendFrame>();
        Assert.Equal(1, (await router.Ask<RouterStats>(GetRouterStats.Instance)).RelayQueued);

        var returning = CreateTestProbe("returning");
        router.Tell(new LinkAttached(Peer(away), returning.Ref));
        var held = Assert.IsType<EnvelopeFrame>((await returning.FishForMessageAsync(m => m is SendFrame { Message: EnvelopeFrame })) is SendFrame f ? f.Message : null);
        Assert.Equal(envelope.Id, EnvelopeCodec.Verify(held.SignedEnvelope, EnvelopeLimits.Default).Id);
        var stats = await router.Ask<RouterStats>(GetRouterStats.Instance);
        Assert.Equal((1, 1, 0), (stats.RelayHeld, stats.RelayReleased, stats.RelayQueued));
    }

    [Fact]
    public async Task Ignores_digests_and_pulls_from_a_peer_that_is_not_linked()
    {
        var (router, _, left, right) = Start();
        using var stranger = NodeIdentity.Generate(SystemRandomSource.Instance);
        router.Tell(new InboundDigest(stranger.Id, new BroadcastDigestFrame([new BroadcastRef(_origin.Id, new EnvelopeId(9))])));
        router.Tell(new InboundPull(stranger.Id, new BroadcastPullFrame([new BroadcastRef(_origin.Id, new EnvelopeId(9))])));
        var stats = await router.Ask<RouterStats>(GetRouterStats.Instance);
        Assert.Equal((0, 0), (stats.PullsMissed, stats.PullEntriesSent));
        await left.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await right.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    public void Dispose()
    {
        _self.Dispose();
        _origin.Dispose();
        _left.Dispose();
        _right.Dispose();
    }

    private (IActorRef Router, Actors.TestKit.TestProbe Chat, Actors.TestKit.TestProbe Left, Actors.TestKit.TestProbe Right) Start(
        Func<RouterSettings, RouterSettings>? configure = null, TimeProvider? time = null)
    {
        var defaults = MeshSettings.Defaults;
        var settings = defaults with { Router = configure?.Invoke(defaults.Router) ?? defaults.Router };
        var context = new LinkContext(_self, null, settings, time ?? TimeProvider.System, SystemRandomSource.Instance, _counters, null);
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

    /// <summary>origin - left - self - right - origin: left and right are one hop from the origin, this node two.</summary>
    private TopologyGraph Square()
    {
        NodeKey self = _self.Id.ToKey(), origin = _origin.Id.ToKey(), left = _left.Id.ToKey(), right = _right.Id.ToKey();
        var database = new LinkStateDatabase(self, new Core.Topology.TopologySettings(), TimeProvider.System, initialSequence: 0);
        var now = TimeProvider.System.GetUtcNow();
        LinkStateRecord Record(NodeKey node, params NodeKey[] neighbours) => new(node, 1, now, neighbours.Select(n => new LinkStateNeighbour(n, 1000)).ToArray());
        database.ApplyAll([Record(origin, left, right), Record(left, origin, self), Record(right, origin, self)]);
        return database.IssueOwn([new LinkStateNeighbour(left, 1000), new LinkStateNeighbour(right, 1000)]).Graph;
    }

    private VerifiedEnvelope Direct(NodeId destination, string text)
    {
        var (type, body) = BodyCodec.Encode(new ChatBody(text, 1, ChatScope.Direct));
        return EnvelopeCodec.Create(
            _origin, new EnvelopeDraft(destination, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);
    }

    private VerifiedEnvelope Broadcast(string text)
    {
        var (type, body) = BodyCodec.Encode(new ChatBody(text, 1, ChatScope.All));
        return EnvelopeCodec.Create(
            _origin, new EnvelopeDraft(null, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);
    }
}
