using MeshNode.Actors;
using MeshNode.Actors.TestKit;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Topology;

/// <summary>
/// The topology actor on virtual time: when its link-state goes out (real changes, debounced and
/// spaced; a slow refresh; RTT only beyond the threshold) and never for a replaced link.
/// </summary>
public sealed class TopologyActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output, new TestScheduler()), IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly List<NodeIdentity> _peers = [];

    [Fact]
    public async Task Reissues_its_link_state_after_the_configured_reissue_interval()
    {
        var (topology, router) = Start(s => s with { ReissueInterval = TimeSpan.FromSeconds(2) });
        var first = await router.ExpectMsgAsync<RouteEnvelope>();
        await SyncAsync(topology);

        TestScheduler!.Advance(TimeSpan.FromSeconds(2));

        var second = await router.ExpectMsgAsync<RouteEnvelope>();
        Assert.NotEqual(first.Envelope.Id, second.Envelope.Id);
    }

    [Fact]
    public async Task Links_that_come_up_together_go_out_in_one_record_after_the_issue_delay()
    {
        var (topology, router) = Start();
        await router.ExpectMsgAsync<RouteEnvelope>();
        var peers = new[] { NewPeer(), NewPeer(), NewPeer() };
        foreach (var peer in peers)
        {
            topology.Tell(new LinkAttached(Peer(peer), CreateTestProbe().Ref));
        }

        await SyncAsync(topology);
        await router.ExpectNoMsgAsync(Quiet);

        TestScheduler!.Advance(TimeSpan.FromMilliseconds(50));

        var record = Body(await router.ExpectMsgAsync<RouteEnvelope>());
        Assert.Equal(peers.Select(p => p.Id.ToString()).Order(), record.Neighbours.Select(n => n.NodeId.ToString()).Order());
        await SyncAsync(topology);
        await router.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task A_second_change_waits_for_the_minimum_issue_interval()
    {
        var (topology, router) = Start();
        await router.ExpectMsgAsync<RouteEnvelope>();
        var link = CreateTestProbe().Ref;
        var peer = NewPeer();
        topology.Tell(new LinkAttached(Peer(peer), link));
        await SyncAsync(topology);
        TestScheduler!.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Single(Body(await router.ExpectMsgAsync<RouteEnvelope>()).Neighbours);

        topology.Tell(new LinkDetached(peer.Id, link, "test"));
        await SyncAsync(topology);
        // The first record went out at this very (virtual) instant: the next one waits 500 ms.
        TestScheduler.Advance(TimeSpan.FromMilliseconds(499));
        await SyncAsync(topology);
        await router.ExpectNoMsgAsync(Quiet);

        TestScheduler.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Empty(Body(await router.ExpectMsgAsync<RouteEnvelope>()).Neighbours);
    }

    [Fact]
    public async Task The_end_of_a_link_replaced_by_a_newer_one_to_the_same_peer_issues_nothing()
    {
        var (topology, router) = Start();
        await router.ExpectMsgAsync<RouteEnvelope>();
        var peer = NewPeer();
        var old = CreateTestProbe().Ref;
        topology.Tell(new LinkAttached(Peer(peer), old));
        topology.Tell(new LinkAttached(Peer(peer), CreateTestProbe().Ref));
        await SyncAsync(topology);
        TestScheduler!.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Single(Body(await router.ExpectMsgAsync<RouteEnvelope>()).Neighbours);

        topology.Tell(new LinkDetached(peer.Id, old, "duplicate link"));
        await SyncAsync(topology);
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        await SyncAsync(topology);

        await router.ExpectNoMsgAsync(Quiet);
        TestScheduler.Advance(MeshSettings.Defaults.Topology.ReissueInterval);
        Assert.Single(Body(await router.ExpectMsgAsync<RouteEnvelope>()).Neighbours);
    }

    [Fact]
    public async Task Rtt_jitter_issues_nothing_and_an_rtt_beyond_the_threshold_issues_a_record()
    {
        var (topology, router) = Start(s => s with { RttChangeThreshold = 0.5, RttIssueInterval = TimeSpan.FromSeconds(10) });
        await router.ExpectMsgAsync<RouteEnvelope>();
        var peer = NewPeer();
        topology.Tell(new LinkAttached(Peer(peer), CreateTestProbe().Ref));
        await SyncAsync(topology);
        TestScheduler!.Advance(TimeSpan.FromMilliseconds(50));
        await router.ExpectMsgAsync<RouteEnvelope>();

        // Under the 5 ms least edge cost every RTT costs the same: no route can change.
        foreach (var ms in new[] { 0.3, 2.0, 4.9, 0.1 })
        {
            topology.Tell(new LinkRttMeasured(peer.Id, TimeSpan.FromMilliseconds(ms)));
        }

        await SyncAsync(topology);
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        await SyncAsync(topology);
        await router.ExpectNoMsgAsync(Quiet);

        // An RTT-only change waits for mesh.topology.rtt-issue-interval (10 s) after the last record.
        topology.Tell(new LinkRttMeasured(peer.Id, TimeSpan.FromMilliseconds(200)));
        await SyncAsync(topology);
        TestScheduler.Advance(TimeSpan.FromSeconds(8.9));
        await SyncAsync(topology);
        await router.ExpectNoMsgAsync(Quiet);
        TestScheduler.Advance(TimeSpan.FromSeconds(0.1));
        await SyncAsync(topology);
        TestScheduler.Advance(TimeSpan.FromMilliseconds(50));

        var record = Body(await router.ExpectMsgAsync<RouteEnvelope>());
        Assert.True(record.Neighbours.Single().RttMicroseconds > 7_500, $"advertised {record.Neighbours.Single().RttMicroseconds} us");
    }

    [Fact]
    public async Task A_new_link_is_handed_every_record_held_and_this_nodes_own()
    {
        var (topology, router) = Start();
        var own = await router.ExpectMsgAsync<RouteEnvelope>();
        var link = CreateTestProbe();

        topology.Tell(new LinkAttached(Peer(NewPeer()), link.Ref));

        var frame = await link.ExpectMsgAsync<SendFrame>();
        Assert.Equal(own.Envelope.Encoded.ToArray(), ((Protocol.Framing.EnvelopeFrame)frame.Message).SignedEnvelope.ToArray());
    }

    public void Dispose()
    {
        _self.Dispose();
        foreach (var peer in _peers)
        {
            peer.Dispose();
        }
    }

    private static LinkPeer Peer(NodeIdentity identity) =>
        new(identity.Id, identity.Id.Short, identity.PublicKey, identity.SealingPublicKey, new TransportEndpoint("127.0.0.1", 1), Inbound: true);

    private LinkStateBody Body(RouteEnvelope routed) =>
        (LinkStateBody)BodyProtector.Open(routed.Envelope, _self, null, BodyLimits.Default);

    /// <summary>Returns once the actor has handled every message sent before (mailbox order).</summary>
    private static Task SyncAsync(IActorRef topology) => topology.Ask<TopologyView>(GetTopology.Instance);

    private NodeIdentity NewPeer()
    {
        var peer = NodeIdentity.Generate(SystemRandomSource.Instance);
        _peers.Add(peer);
        return peer;
    }

    private (IActorRef Topology, Actors.TestKit.TestProbe Router) Start(Func<Config.TopologySettings, Config.TopologySettings>? configure = null)
    {
        var defaults = MeshSettings.Defaults;
        var settings = defaults with { Topology = configure?.Invoke(defaults.Topology) ?? defaults.Topology };
        var context = new LinkContext(_self, null, settings, TestScheduler!, SystemRandomSource.Instance, new NodeCounters(), null);
        var router = CreateTestProbe("router");
        var chat = CreateTestProbe("chat");
        return (ActorOf(Props.Create(() => new TopologyActor(context, router.Ref, chat.Ref))), router);
    }
}
