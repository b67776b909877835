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
/// RTTs) when its links really change and as a slow refresh, applies other nodes' records to a
/// <see cref="LinkStateDatabase"/>, hands a new link every record it holds, tells the router the
/// new graph and the chat actor who is reachable and which keys they signed, and publishes
/// <see cref="TopologyChanged"/>.
/// </summary>
/// <remarks>
/// <para>Traffic: every record crosses every link of the mesh, so records go out only for a new or
/// lost neighbour, for an RTT whose route cost moved beyond <c>mesh.topology.rtt-change-threshold</c>
/// (<see cref="NeighbourTable"/>; at most once per <c>mesh.topology.rtt-issue-interval</c>), when another node holds a newer record of ours, and otherwise every
/// <c>mesh.topology.reissue-interval</c>. A change waits <c>mesh.topology.issue-delay</c> so changes
/// arriving together go out in one record, and two records are at least
/// <c>mesh.topology.min-issue-interval</c> apart.</para>
/// <para>Sealing: with a network passphrase, records are network-sealed (Fernet under the network
/// key) like broadcast chat, so a relay without the passphrase forwards them unread; a record that
/// arrives only link-protected on such a network is refused (no silent downgrade). Open networks
/// send them link-protected.</para>
/// </remarks>
internal sealed class TopologyActor : ReceiveActor, IWithTimers
{
    /// <summary>Longest time between expiry sweeps of the link-state database.</summary>
    private static readonly TimeSpan MaxTickInterval = TimeSpan.FromSeconds(5);

    private const string IssueTimer = "issue";
    private const string RttTimer = "rtt";

    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _chat;
    private readonly LinkStateDatabase _database;
    private readonly NeighbourTable _neighbours;
    private readonly Dictionary<NodeKey, string> _names = [];
    private readonly Dictionary<NodeKey, VerifiedEnvelope> _latest = [];
    private readonly Dictionary<NodeKey, IActorRef> _links = [];
    private VerifiedEnvelope? _own;
    private DateTimeOffset _nextReissue;
    private DateTimeOffset _lastIssue = DateTimeOffset.MinValue;
    private bool _issueScheduled;
    private bool _rttScheduled;

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
        _neighbours = new NeighbourTable(topology.MinEdgeCost, topology.RttChangeThreshold);
        _names[self] = context.Settings.Node.Name;

        Receive<LinkAttached>(m =>
        {
            _names[m.Peer.Id.ToKey()] = m.Peer.Name;

            // The new neighbour converges at once from our whole database, our own record included
            // (it may be a reconnect that changes nothing here, and so issues nothing new).
            foreach (var envelope in _latest.Values)
            {
                m.Link.Tell(new SendFrame(new EnvelopeFrame(envelope.Encoded)));
            }

            if (_own is not null)
            {
                m.Link.Tell(new SendFrame(new EnvelopeFrame(_own.Encoded)));
            }

            _links[m.Peer.Id.ToKey()] = m.Link;
            if (_neighbours.Attach(m.Peer.Id.ToKey()))
            {
                ScheduleIssue();
            }
        });
        Receive<LinkDetached>(m =>
        {
            // A link replaced by a newer one to the same peer (both dialled at once) is no loss.
            var peer = m.Peer.ToKey();
            if (_links.TryGetValue(peer, out var link) && link.Equals(m.Link) && _links.Remove(peer) && _neighbours.Detach(peer))
            {
                ScheduleIssue();
            }
        });
        Receive<LinkRttMeasured>(m =>
        {
            if (_neighbours.Measure(m.Peer.ToKey(), m.Rtt))
            {
                ScheduleRttIssue();
            }
        });
        Receive<RttDue>(_ =>
        {
            _rttScheduled = false;
            if (_neighbours.Changed)
            {
                ScheduleIssue();
            }
        });
        Receive<DeliverEnvelope>(m => OnLinkState(m.Envelope));
        Receive<Tick>(_ => OnTick());
        Receive<IssueNow>(_ =>
        {
            _issueScheduled = false;
            Issue();
        });
        Receive<GetTopology>(_ => Sender?.Tell(View()));
        Receive<GetPath>(m => Sender?.Tell(Path(m.Destination)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var reissue = _context.Settings.Topology.ReissueInterval;
        Timers.StartPeriodicTimer("tick", Tick.Instance, reissue < MaxTickInterval ? reissue : MaxTickInterval);

        // The first record (no links yet) reaches nobody; it only seeds the database, so it does
        // not hold back the record of the first link.
        Issue();
        _lastIssue = DateTimeOffset.MinValue;
    }

    private void OnTick()
    {
        var changed = _database.Expire();
        if (_context.Now >= _nextReissue)
        {
            Issue();
        }
        else if (changed)
        {
            Publish(_database.Graph);
        }
    }

    /// <summary>Issues a record after the issue delay, or when the minimum interval since the last one has passed.</summary>
    private void ScheduleIssue()
    {
        if (_issueScheduled)
        {
            return;
        }

        var topology = _context.Settings.Topology;
        var delay = topology.IssueDelay;
        if (_lastIssue != DateTimeOffset.MinValue)
        {
            var held = _lastIssue + topology.MinIssueInterval - _context.Now;
            delay = held > delay ? held : delay;
        }

        _issueScheduled = true;
        if (delay <= TimeSpan.Zero)
        {
            Self.Tell(IssueNow.Instance);
            return;
        }

        Timers.StartSingleTimer(IssueTimer, IssueNow.Instance, delay);
    }

    /// <summary>An RTT-only change waits for <c>mesh.topology.rtt-issue-interval</c> after the last record.</summary>
    private void ScheduleRttIssue()
    {
        if (_issueScheduled || _rttScheduled)
        {
            return;
        }

        var wait = _lastIssue == DateTimeOffset.MinValue
            ? TimeSpan.Zero
            : _lastIssue + _context.Settings.Topology.RttIssueInterval - _context.Now;
        if (wait <= TimeSpan.Zero)
        {
            ScheduleIssue();
            return;
        }

        _rttScheduled = true;
        Timers.StartSingleTimer(RttTimer, RttDue.Instance, wait);
    }

    private void Issue()
    {
        Timers.Cancel(IssueTimer);
        Timers.Cancel(RttTimer);
        _issueScheduled = false;
        _rttScheduled = false;
        var now = _context.Now;
        _lastIssue = now;
        _nextReissue = now + _context.Settings.Topology.ReissueInterval;
        var neighbours = _neighbours.Advertise();
        var update = _database.IssueOwn(neighbours);
        var record = update.OwnRecord!;
        var body = new LinkStateBody(
            _context.Identity.Id,
            record.Sequence,
            neighbours.Select(n => new LinkNeighbour(n.Node.ToNodeId(), (uint)Math.Min(uint.MaxValue, n.RttMicroseconds))).ToArray(),
            record.IssuedAt.ToUnixTimeMilliseconds(),
            _context.Identity.SealingPublicKey,
            NodeNames.Truncate(_context.Settings.Node.Name));
        _own = OutboundEnvelopes.Create(_context, null, body, OutboundEnvelopes.SharedProtection(_context));
        _router.Tell(new RouteEnvelope(_own));
        if (update.GraphChanged)
        {
            Publish(update.Graph);
        }
    }

    private void OnLinkState(VerifiedEnvelope envelope)
    {
        if (_context.Fernet is not null && envelope.Protection != EnvelopeProtection.Network)
        {
            // A passphrase network seals every record; a weaker one is a downgrade, never a fallback.
            _context.Counters.RejectedEnvelope();
            LinkContext.Publish(Context, new NodeWarning(_context.Now, $"dropped link-state from {envelope.Origin.Short}: protected by {envelope.Protection}, not the network key"));
            return;
        }

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
                // An earlier run of this node: our next record must outrank it soon.
                ScheduleIssue();
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

    private sealed record IssueNow
    {
        public static readonly IssueNow Instance = new();
    }

    private sealed record RttDue
    {
        public static readonly RttDue Instance = new();
    }
}
