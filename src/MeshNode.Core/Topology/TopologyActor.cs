using MeshNode.Actors;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Topology;

/// <summary>
/// The topology actor (/user/node/topology): issues this node's signed link-state (neighbours and
/// RTTs) on every link change and periodically, applies other nodes' records to a
/// <see cref="LinkStateDatabase"/>, hands a new link every record it holds, tells the router the
/// new graph and the chat actor who is reachable and which keys they signed, and publishes
/// <see cref="TopologyChanged"/>.
/// </summary>
internal sealed class TopologyActor : ReceiveActor, IWithTimers
{
    /// <summary>Longest time between expiry sweeps of the link-state database.</summary>
    private static readonly TimeSpan MaxTickInterval = TimeSpan.FromSeconds(5);

    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _chat;
    private readonly LinkStateDatabase _database;
    private readonly Dictionary<NodeId, TimeSpan> _neighbours = [];
    private readonly Dictionary<NodeKey, string> _names = [];
    private readonly Dictionary<NodeKey, VerifiedEnvelope> _latest = [];
    private DateTimeOffset _nextReissue;

    public TopologyActor(LinkContext context, IActorRef router, IActorRef chat)
    {
        _context = context;
        _router = router;
        _chat = chat;
        var self = context.Identity.Id.ToKey();
        // Links faster than mesh.topology.min-edge-cost cost the same, so on a LAN the fewest hops win
        // and jitter in measured RTTs does not flip routes.
        var topology = context.Settings.Topology;
        _database = new LinkStateDatabase(
            self,
            new TopologySettings
            {
                MinEdgeCostMicroseconds = Math.Max(1, (long)topology.MinEdgeCost.TotalMicroseconds),
                MaxNeighboursPerRecord = topology.MaxNeighbours,
                MaxNodes = topology.MaxNodes,
                MaxAge = topology.MaxAge,
            },
            context.Time);
        _names[self] = context.Settings.Node.Name;

        Receive<LinkAttached>(m =>
        {
            _neighbours[m.Peer.Id] = _neighbours.GetValueOrDefault(m.Peer.Id, TimeSpan.FromMilliseconds(1));
            _names[m.Peer.Id.ToKey()] = m.Peer.Name;
            foreach (var envelope in _latest.Values)
            {
                m.Link.Tell(new SendFrame(new EnvelopeFrame(envelope.Encoded)));
            }

            Issue();
        });
        Receive<LinkDetached>(m =>
        {
            if (_neighbours.Remove(m.Peer))
            {
                Issue();
            }
        });
        Receive<LinkRttMeasured>(m =>
        {
            if (_neighbours.ContainsKey(m.Peer))
            {
                _neighbours[m.Peer] = m.Rtt;
            }
        });
        Receive<DeliverEnvelope>(m => OnLinkState(m.Envelope));
        Receive<Tick>(_ => OnTick());
        Receive<GetTopology>(_ => Sender?.Tell(View()));
        Receive<GetPath>(m => Sender?.Tell(Path(m.Destination)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var reissue = _context.Settings.Topology.ReissueInterval;
        _nextReissue = _context.Now + reissue;
        Timers.StartPeriodicTimer("tick", Tick.Instance, reissue < MaxTickInterval ? reissue : MaxTickInterval);
        Issue();
    }

    private void OnTick()
    {
        var changed = _database.Expire();
        if (_context.Now >= _nextReissue)
        {
            _nextReissue = _context.Now + _context.Settings.Topology.ReissueInterval;
            Issue();
        }
        else if (changed)
        {
            Publish(_database.Graph);
        }
    }

    private void Issue()
    {
        var neighbours = _neighbours
            .Select(n => new LinkStateNeighbour(n.Key.ToKey(), Math.Max(1, (long)n.Value.TotalMicroseconds)))
            .ToArray();
        var update = _database.IssueOwn(neighbours);
        var record = update.OwnRecord!;
        var body = new LinkStateBody(
            _context.Identity.Id,
            record.Sequence,
            neighbours.Select(n => new LinkNeighbour(n.Node.ToNodeId(), (uint)Math.Min(uint.MaxValue, n.RttMicroseconds))).ToArray(),
            record.IssuedAt.ToUnixTimeMilliseconds(),
            _context.Identity.SealingPublicKey,
            NodeNames.Truncate(_context.Settings.Node.Name));
        _router.Tell(new RouteEnvelope(OutboundEnvelopes.Create(_context, null, body, EnvelopeProtection.Link)));
        if (update.GraphChanged)
        {
            Publish(update.Graph);
        }
    }

    private void OnLinkState(VerifiedEnvelope envelope)
    {
        LinkStateBody body;
        try
        {
            body = BodyProtector.Open(envelope, _context.Identity, _context.Fernet, _context.BodyLimits) as LinkStateBody
                ?? throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "not a link-state body");
        }
        catch (ProtocolViolationException ex)
        {
            _context.Counters.UnreadableBody();
            LinkContext.Publish(Context, new NodeWarning(_context.Now, $"dropped link-state from {envelope.Origin.Short}: {ex.Message}"));
            return;
        }

        if (body.Origin != envelope.Origin)
        {
            _context.Counters.RejectedEnvelope();
            return;
        }

        var origin = envelope.Origin.ToKey();
        var record = new LinkStateRecord(
            origin,
            body.Sequence,
            DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(body.IssuedAtUnixMs, 0, 253402300799999)),
            body.Neighbours.Select(n => new LinkStateNeighbour(n.NodeId.ToKey(), n.RttMicroseconds)).ToArray());
        var update = _database.Apply(record);
        switch (update.Outcome)
        {
            case LinkStateOutcome.Accepted:
                _latest[origin] = envelope;
                _names[origin] = body.Name;
                _chat.Tell(new PeerLearned(envelope.Origin, body.Name, envelope.OriginPublicKey, body.SealingKey));
                break;
            case LinkStateOutcome.OwnRecordSuperseded:
                Issue();
                return;
            default:
                break;
        }

        if (update.GraphChanged)
        {
            Publish(update.Graph);
        }
    }

    private void Publish(TopologyGraph graph)
    {
        _router.Tell(new TopologyUpdated(graph));
        _chat.Tell(new ReachabilityChanged(graph.Reachable.Select(k => k.ToNodeId()).ToHashSet()));
        foreach (var key in _latest.Keys.Where(k => !graph.Contains(k)).ToArray())
        {
            _latest.Remove(key);
        }

        LinkContext.Publish(Context, new TopologyChanged(_context.Now, View(graph)));
    }

    private TopologyView View() => View(_database.Graph);

    /// <summary>The hops after this node up to the destination and the sum of their advertised RTTs.</summary>
    private TraceView Path(NodeId destination)
    {
        var graph = _database.Graph;
        var path = graph.Paths.PathTo(destination.ToKey());
        var rtt = TimeSpan.Zero;
        for (var i = 1; i < path.Count; i++)
        {
            var edge = graph.NeighboursOf(path[i - 1]).FirstOrDefault(n => n.Node == path[i]);
            rtt += TimeSpan.FromMicroseconds(edge.RttMicroseconds);
        }

        return new TraceView(destination.ToString(), path.Skip(1).Select(k => k.ToString()).ToArray(), rtt);
    }

    private TopologyView View(TopologyGraph graph)
    {
        var paths = graph.Paths;
        var nodes = graph.Nodes.Select(n =>
        {
            var hops = paths.HopCount(n);
            var next = paths.NextHop(n);
            return new TopologyNodeView(
                n.ToString(),
                _names.GetValueOrDefault(n, n.ToShortString()),
                hops < 0 ? null : hops,
                next?.ToString());
        }).ToArray();
        var edges = graph.Edges.Select(e => new TopologyEdgeView(e.A.ToString(), e.B.ToString(), TimeSpan.FromMicroseconds(e.RttMicroseconds))).ToArray();
        return new TopologyView(graph.Self.ToString(), nodes, edges);
    }

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }
}
