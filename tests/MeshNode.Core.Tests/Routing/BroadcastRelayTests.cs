using MeshNode.Config;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Tests.Routing;

public sealed class BroadcastRelayTests
{
    private static readonly NodeKey Self = TestKeys.Node(1);
    private static readonly NodeKey Origin = TestKeys.Node(2);
    private static readonly NodeKey Peer = TestKeys.Node(3);
    private readonly ManualTestClock _clock = new();

    [Fact]
    public void Splits_the_digest_for_a_new_link_into_frames_of_at_most_256_and_leaves_out_the_peers_own()
    {
        var relay = new BroadcastRelay(Self, MeshSettings.Defaults.Router, _clock);
        var graph = TopologyGraph.Empty(Self);
        for (var i = 0; i < 600; i++)
        {
            relay.Spread(Origin, TestKeys.Message(i), new byte[] { 1 }, Origin, graph, [Origin]);
        }

        relay.Spread(Peer, TestKeys.Message(1000), new byte[] { 1 }, Peer, graph, [Peer]);

        var frames = relay.DigestForNewLink(Peer);
        Assert.Equal([256, 256, 88], frames.Select(f => f.Broadcasts.Count));
        Assert.DoesNotContain(frames.SelectMany(f => f.Broadcasts), b => b.Origin == Peer.ToNodeId());
        Assert.Equal(601, relay.DigestForNewLink(TestKeys.Node(9)).Sum(f => f.Broadcasts.Count));
    }

    [Fact]
    public void Forgets_recent_broadcasts_after_their_age()
    {
        var relay = new BroadcastRelay(Self, MeshSettings.Defaults.Router, _clock);
        relay.Spread(Origin, TestKeys.Message(1), new byte[] { 1 }, Origin, TopologyGraph.Empty(Self), [Origin]);
        var entry = new BroadcastRef(Origin.ToNodeId(), TestKeys.Message(1).ToEnvelopeId());
        Assert.True(relay.TryGetRecent(entry, out _));

        _clock.Advance(MeshSettings.Defaults.Router.RecentBroadcastAge + TimeSpan.FromSeconds(1));
        relay.Prune();
        Assert.False(relay.TryGetRecent(entry, out _));
        Assert.Empty(relay.DigestForNewLink(Peer));
    }

    [Fact]
    public void Gathers_digest_entries_per_link_and_pulls_only_what_it_has_not_seen()
    {
        var settings = MeshSettings.Defaults.Router with { PullDelay = TimeSpan.FromMilliseconds(100) };
        var relay = new BroadcastRelay(Self, settings, _clock);
        var seen = TestKeys.Message(1);
        BroadcastRef[] entries = [new(Origin.ToNodeId(), seen.ToEnvelopeId()), new(Origin.ToNodeId(), TestKeys.Message(2).ToEnvelopeId()), new(Self.ToNodeId(), TestKeys.Message(3).ToEnvelopeId())];

        Assert.True(relay.OnDigest(Peer, entries, (o, id) => id == seen));
        Assert.Empty(relay.TakePulls());
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var (link, pull) = Assert.Single(relay.TakePulls());
        Assert.Equal(Peer, link);
        Assert.Equal(entries[1], Assert.Single(pull.Broadcasts));
    }
}
