using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Core.Trace;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Trace;

public sealed class TraceActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _target = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _relay = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeCounters _counters = new();

    [Fact]
    public async Task Sends_a_signed_trace_request_to_the_target_and_answers_with_the_path_of_its_reply()
    {
        var (trace, router, _) = Start();
        var asked = trace.Ask<TraceResult>(new StartTrace(_target.Id, "target"), AskTimeout);

        var request = await router.ExpectMsgAsync<RouteEnvelope>();
        Assert.Equal(_target.Id, request.Envelope.Destination);
        Assert.Equal(EnvelopeBodyType.TraceRequest, request.Envelope.BodyType);
        var body = Assert.IsType<TraceRequestBody>(Open(request.Envelope));

        // The target's path back: relay, then us; so the path from here is relay, target.
        var reply = Reply(_target, body.TraceId, hopCount: 2, [_relay.Id, _self.Id]);
        trace.Tell(new DeliverEnvelope(reply, _relay.Id));

        var result = await asked;
        Assert.Equal([_relay.Id, _target.Id], result.Path);
        Assert.Equal(2u, result.HopCount);
        Assert.Equal(_target.Id, result.Target);
        Assert.True(result.RoundTrip >= TimeSpan.Zero);
        Assert.Equal(0, _counters.DroppedTraceReplies);
    }

    [Fact]
    public async Task Replies_matching_no_pending_trace_or_from_another_node_are_dropped_and_counted()
    {
        var (trace, router, _) = Start();
        var asked = trace.Ask<TraceResult>(new StartTrace(_target.Id, "target"), AskTimeout);
        var body = Assert.IsType<TraceRequestBody>(Open((await router.ExpectMsgAsync<RouteEnvelope>()).Envelope));

        trace.Tell(new DeliverEnvelope(Reply(_target, body.TraceId + 1, 1, [_self.Id]), _target.Id));
        trace.Tell(new DeliverEnvelope(Reply(_relay, body.TraceId, 1, [_self.Id]), _relay.Id));
        await AwaitAssertAsync(() => Assert.Equal(2, _counters.DroppedTraceReplies));
        Assert.False(asked.IsCompleted);

        trace.Tell(new DeliverEnvelope(Reply(_target, body.TraceId, 1, [_self.Id]), _target.Id));
        Assert.Equal([_target.Id], (await asked).Path);

        // The same trace answered again (a new envelope, so past the router's dedup) is late: dropped.
        trace.Tell(new DeliverEnvelope(Reply(_target, body.TraceId, 1, [_self.Id]), _target.Id));
        await AwaitAssertAsync(() => Assert.Equal(3, _counters.DroppedTraceReplies));
    }

    [Fact]
    public async Task A_trace_nobody_answers_fails_after_mesh_node_trace_timeout_naming_the_target()
    {
        var settings = MeshSettings.Defaults with { Node = MeshSettings.Defaults.Node with { TraceTimeout = TimeSpan.FromMilliseconds(200) } };
        var (trace, router, _) = Start(settings);

        var error = await Assert.ThrowsAsync<NodeCommandException>(() => trace.Ask<TraceResult>(new StartTrace(_target.Id, "far-away"), AskTimeout));

        Assert.Contains("far-away did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("mesh.node.trace-timeout", error.Message, StringComparison.Ordinal);
        await router.ExpectMsgAsync<RouteEnvelope>();
    }

    [Fact]
    public async Task Refuses_to_trace_itself()
    {
        var (trace, router, _) = Start();

        var error = await Assert.ThrowsAsync<NodeCommandException>(() => trace.Ask<TraceResult>(new StartTrace(_self.Id, "me"), AskTimeout));

        Assert.Contains("this is you", error.Message, StringComparison.Ordinal);
        await router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Answers_a_request_with_the_arrival_hop_count_and_its_path_back()
    {
        var (trace, router, topology) = Start();
        var request = Request(_target, _self.Id, traceId: 42);

        trace.Tell(new DeliverEnvelope(request, _relay.Id));

        await topology.ExpectMsgAsync<GetPath>();
        topology.Reply(new TraceView(_target.Id.ToString(), [_relay.Id.ToString(), _target.Id.ToString()], TimeSpan.Zero));
        await topology.ExpectMsgAsync<GetTopology>();
        topology.Reply(new TopologyView(
            _self.Id.ToString(),
            [],
            [new TopologyEdgeView(_self.Id.ToString(), _relay.Id.ToString(), TimeSpan.FromMilliseconds(3))]));
        var routed = await router.ExpectMsgAsync<RouteEnvelope>();
        Assert.Equal(_target.Id, routed.Envelope.Destination);
        var reply = Assert.IsType<TraceReplyBody>(Open(routed.Envelope));
        Assert.Equal((UInt128)42, reply.TraceId);
        Assert.Equal(request.HopsTravelled, reply.HopCount);
        Assert.Equal([_relay.Id, _target.Id], reply.Hops.Select(h => h.NodeId));
        Assert.Equal(3000u, reply.Hops[0].RttMicroseconds);
    }

    [Fact]
    public async Task Answers_at_most_mesh_node_trace_replies_per_second_and_never_a_broadcast_request()
    {
        var settings = MeshSettings.Defaults with { Node = MeshSettings.Defaults.Node with { TraceRepliesPerSecond = 2 } };
        var time = new Support.ManualTimeProvider();
        var (trace, router, topology) = Start(settings, time);

        trace.Tell(new DeliverEnvelope(Request(_target, destination: null, traceId: 1), _target.Id));
        for (var i = 0; i < 5; i++)
        {
            trace.Tell(new DeliverEnvelope(Request(_target, _self.Id, traceId: (ulong)(10 + i)), _target.Id));
        }

        for (var i = 0; i < 2; i++)
        {
            await topology.ExpectMsgAsync<GetPath>();
            topology.Reply(new TraceView(_target.Id.ToString(), [_target.Id.ToString()], TimeSpan.Zero));
            await topology.ExpectMsgAsync<GetTopology>();
            topology.Reply(new TopologyView(_self.Id.ToString(), [], []));
            await router.ExpectMsgAsync<RouteEnvelope>();
        }

        await AwaitAssertAsync(() => Assert.Equal(4, _counters.RefusedTraceRequests));
        await router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        // A second later the budget is back.
        time.Advance(TimeSpan.FromSeconds(1));
        trace.Tell(new DeliverEnvelope(Request(_target, _self.Id, traceId: 99), _target.Id));
        await topology.ExpectMsgAsync<GetPath>();
        topology.Reply(new TraceView(_target.Id.ToString(), [_target.Id.ToString()], TimeSpan.Zero));
        await topology.ExpectMsgAsync<GetTopology>();
        topology.Reply(new TopologyView(_self.Id.ToString(), [], []));
        Assert.Equal((UInt128)99, Assert.IsType<TraceReplyBody>(Open((await router.ExpectMsgAsync<RouteEnvelope>()).Envelope)).TraceId);
    }

    public void Dispose()
    {
        _self.Dispose();
        _target.Dispose();
        _relay.Dispose();
    }

    private static LinkContext ContextOf(NodeIdentity identity, MeshSettings? settings = null, TimeProvider? time = null, NodeCounters? counters = null) =>
        new(identity, null, settings ?? MeshSettings.Defaults, time ?? TimeProvider.System, SystemRandomSource.Instance, counters ?? new NodeCounters(), null);

    private EnvelopeBody Open(VerifiedEnvelope envelope) =>
        BodyProtector.Open(envelope, _self, null, ContextOf(_self).BodyLimits);

    private VerifiedEnvelope Reply(NodeIdentity from, UInt128 traceId, uint hopCount, IReadOnlyList<NodeId> pathBack) =>
        OutboundEnvelopes.Create(
            ContextOf(from),
            _self.Id,
            new TraceReplyBody(traceId, hopCount, pathBack.Select(id => new LinkNeighbour(id, 1000)).ToArray(), 0, 0),
            EnvelopeProtection.Link);

    private static VerifiedEnvelope Request(NodeIdentity from, NodeId? destination, ulong traceId) =>
        OutboundEnvelopes.Create(ContextOf(from), destination, new TraceRequestBody(traceId, 0), EnvelopeProtection.Link);

    private (IActorRef Trace, Actors.TestKit.TestProbe Router, Actors.TestKit.TestProbe Topology) Start(MeshSettings? settings = null, TimeProvider? time = null)
    {
        var context = ContextOf(_self, settings, time, _counters);
        var router = CreateTestProbe("router");
        var topology = CreateTestProbe("topology");
        var trace = ActorOf(Props.Create(() => new TraceActor(context, router.Ref, topology.Ref)));
        return (trace, router, topology);
    }
}
