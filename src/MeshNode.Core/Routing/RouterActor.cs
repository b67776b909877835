using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Topology;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Routing;

/// <summary>
/// The router (/user/node/router): verifies every envelope's signature before anything else,
/// drops duplicates and replays with a <see cref="SeenCache"/> keyed by (origin, id), enforces the
/// hop limit and a per-link rate limit (<c>mesh.router.per-link-rate-limit</c> envelopes per
/// second), and delivers envelopes for this node to the chat, topology and trace actors.
/// Broadcasts go along the origin's shortest-path tree with digests and pulls repairing what the
/// tree missed (<see cref="BroadcastRelay"/>; or flooding, <c>mesh.router.broadcast</c>).
/// Directed envelopes follow the shortest path (<see cref="DirectedForwarding"/>, flooding when no
/// path is known) and wait in a bounded <see cref="RelayQueue"/> while their destination has no
/// path, to go on when one appears.
/// </summary>
internal sealed class RouterActor : ReceiveActor, IWithTimers
{
    private const string DigestTimer = "digest";
    private const string PullTimer = "pull";
    private const string MaintenanceTimer = "maintenance";
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(1);

    private readonly LinkContext _context;
    private readonly RouterSettings _settings;
    private readonly NodeKey _self;
    private readonly SeenCache _seen;
    private readonly DirectedRepeatGate _repeats;
    private readonly EnvelopeLimits _limits;
    private readonly BroadcastRelay _broadcasts;
    private readonly RelayQueue _relay;
    private readonly RouterStatistics _stats = new();
    private readonly Dictionary<NodeKey, IActorRef> _links = [];
    private readonly Dictionary<NodeKey, RateBucket> _buckets = [];
    private TopologyGraph _graph;
    private IActorRef _chat = ActorRefs.Nobody;
    private IActorRef _topology = ActorRefs.Nobody;
    private IActorRef _trace = ActorRefs.Nobody;
    private long _evictionsReported;

    public RouterActor(LinkContext context)
    {
        _context = context;
        _settings = context.Settings.Router;
        _self = context.Identity.Id.ToKey();
        _seen = new SeenCache(Math.Max(16, _settings.DedupCacheSize), _settings.DedupMaxAge, context.Time);
        _repeats = new DirectedRepeatGate(Math.Clamp(_settings.DedupCacheSize, 16, 16_384), _settings.DirectedRepeatInterval, context.Time);
        _limits = context.EnvelopeLimits;
        _graph = TopologyGraph.Empty(_self);
        _broadcasts = new BroadcastRelay(_self, _settings, context.Time);
        _relay = new RelayQueue(
            _settings.RelayQueueCount, _settings.StoreAndForwardQueueSize, _settings.RelayQueueBytes, _settings.RelayQueueAge, context.Time);

        Receive<RouterTargets>(m =>
        {
            _chat = m.Chat;
            _topology = m.Topology;
            _trace = m.Trace ?? ActorRefs.Nobody;
        });
        Receive<LinkAttached>(OnLinkAttached);
        Receive<LinkDetached>(m =>
        {
            var key = m.Peer.ToKey();
            if (_links.TryGetValue(key, out var link) && link.Equals(m.Link))
            {
                _links.Remove(key);
                _buckets.Remove(key);
                _broadcasts.OnLinkDown(key);
            }
        });
        Receive<TopologyUpdated>(m =>
        {
            _graph = m.Graph;
            ReleaseHeld();
        });
        Receive<InboundEnvelope>(OnInbound);
        Receive<InboundDigest>(OnDigest);
        Receive<InboundPull>(OnPull);
        Receive<RouteEnvelope>(m => OnLocal(m.Envelope));
        Receive<DigestsDue>(_ => FlushDigests());
        Receive<PullDue>(_ => SendDuePulls());
        Receive<MaintenanceDue>(_ => Maintain());
        Receive<GetLinkedPeers>(_ => Sender?.Tell(new LinkedPeers(_links.Keys.Select(k => k.ToNodeId()).ToArray())));
        Receive<GetRouterStats>(_ => Sender?.Tell(_stats.Snapshot(_broadcasts.Repair, _relay)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer(MaintenanceTimer, MaintenanceDue.Instance, MaintenanceInterval);

    private void OnLinkAttached(LinkAttached message)
    {
        var key = message.Peer.Id.ToKey();
        _links[key] = message.Link;
        // A new link (a neighbour back, or the winner of a tie-break replacing a link that may
        // have swallowed frames) hears of every recent broadcast and pulls what it missed.
        foreach (var digest in _broadcasts.DigestForNewLink(key))
        {
            message.Link.Tell(new SendFrame(digest));
            _stats.DigestEntriesSent += digest.Broadcasts.Count;
        }

        ReleaseHeld();
    }

    private void OnInbound(InboundEnvelope message)
    {
        var from = message.From.ToKey();
        if (!AllowedByRate(from))
        {
            _context.Counters.RateLimitedEnvelope();
            return;
        }

        VerifiedEnvelope envelope;
        try
        {
            envelope = EnvelopeCodec.Verify(message.Bytes, _limits);
        }
        catch (ProtocolViolationException ex)
        {
            _context.Counters.RejectedEnvelope();
            Warn($"dropped an envelope from {message.From.Short}: {ex.Reason}");
            return;
        }

        var origin = envelope.Origin.ToKey();
        var id = envelope.Id.ToMessageId();
        if (_seen.TryAdd(origin, id))
        {
            if (!envelope.IsBroadcast)
            {
                _repeats.Passed(origin, id);
            }
        }
        else if (!envelope.IsBroadcast && origin != _self && _repeats.TryPassAgain(origin, id))
        {
            // The sender resent the same signed envelope (its receipt was lost): it goes on, and the
            // destination's chat shows it once and receipts it again.
            _stats.RepeatedDirected++;
        }
        else
        {
            _context.Counters.DuplicateEnvelope();
            if (envelope.IsBroadcast)
            {
                _stats.DuplicateBroadcasts++;
                _stats.DuplicateChatBroadcasts += envelope.BodyType == EnvelopeBodyType.ChatMessage ? 1 : 0;
            }

            return;
        }

        if (origin == _self)
        {
            // Our own envelope from an earlier run: only the topology cares (its sequence must jump ahead).
            if (envelope.BodyType == EnvelopeBodyType.LinkState)
            {
                _topology.Tell(new DeliverEnvelope(envelope, message.From));
            }

            return;
        }

        if (envelope.IsBroadcast || envelope.Destination == _context.Identity.Id)
        {
            Deliver(envelope, message.From);
        }

        if (envelope.Destination == _context.Identity.Id)
        {
            return;
        }

        if (!EnvelopeCodec.TryIncrementHop(envelope, out var relayed))
        {
            // Used up its hops: delivered here, not passed on and not announced in digests (a
            // digest would let a neighbour pull it past its limit).
            _broadcasts.Seen(origin, id);
            return;
        }

        if (relayed.IsBroadcast)
        {
            SpreadBroadcast(relayed, origin, id, from);
        }
        else
        {
            var sent = ForwardDirected(relayed, origin, id, from);
            for (var i = 0; i < sent; i++)
            {
                _context.Counters.RelayedDirectedEnvelope();
            }
        }
    }

    private void OnLocal(VerifiedEnvelope envelope)
    {
        var id = envelope.Id.ToMessageId();
        _seen.TryAdd(_self, id);
        if (envelope.IsBroadcast)
        {
            SpreadBroadcast(envelope, _self, id, _self);
        }
        else
        {
            _ = ForwardDirected(envelope, _self, id, _self);
        }
    }

    private void SpreadBroadcast(VerifiedEnvelope envelope, NodeKey origin, MessageId id, NodeKey arrivedFrom)
    {
        var targets = _broadcasts.Spread(origin, id, envelope.Encoded, arrivedFrom, _graph, _links.Keys, envelope.BodyType == EnvelopeBodyType.LinkState);
        SendEnvelope(envelope.Encoded, targets);
        _stats.PayloadsSent += targets.Count;
        if (_broadcasts.HasDigests && !Timers.IsTimerActive(DigestTimer))
        {
            if (_settings.DigestDelay <= TimeSpan.Zero)
            {
                FlushDigests();
            }
            else
            {
                Timers.StartSingleTimer(DigestTimer, DigestsDue.Instance, _settings.DigestDelay);
            }
        }
    }

    private int ForwardDirected(VerifiedEnvelope envelope, NodeKey origin, MessageId id, NodeKey arrivedFrom)
    {
        var destination = envelope.Destination!.Value.ToKey();
        var targets = DirectedForwarding.NextTargets(destination, arrivedFrom, _graph, _links.Keys);
        var sent = SendEnvelope(envelope.Encoded, targets);
        if (!HasRoute(destination) && _relay.Add(destination, origin, id, envelope.Encoded))
        {
            // No path now: the flood above may find one the graph does not know; if not, this
            // copy goes on when a path or a link to the destination appears.
            _stats.RelayHeld++;
        }

        return sent;
    }

    private bool HasRoute(NodeKey destination) =>
        _links.ContainsKey(destination)
        || (_graph.IsReachable(destination) && _graph.Paths.NextHop(destination) is { } hop && _links.ContainsKey(hop));

    private void ReleaseHeld()
    {
        if (_relay.Count == 0)
        {
            return;
        }

        foreach (var destination in _relay.Destinations.Where(HasRoute).ToArray())
        {
            var targets = DirectedForwarding.NextTargets(destination, _self, _graph, _links.Keys);
            foreach (var envelope in _relay.TakeFor(destination))
            {
                _stats.RelayReleased++;
                _ = SendEnvelope(envelope, targets);
            }
        }
    }

    private int SendEnvelope(ReadOnlyMemory<byte> encoded, IEnumerable<NodeKey> targets)
    {
        var sent = 0;
        var frame = new SendFrame(new EnvelopeFrame(encoded));
        foreach (var target in targets)
        {
            if (_links.TryGetValue(target, out var link))
            {
                link.Tell(frame);
                sent++;
            }
        }

        return sent;
    }

    private void FlushDigests()
    {
        Timers.Cancel(DigestTimer);
        foreach (var (key, frame) in _broadcasts.TakeDigests())
        {
            if (_links.TryGetValue(key, out var link))
            {
                link.Tell(new SendFrame(frame));
                _stats.DigestEntriesSent += frame.Broadcasts.Count;
            }
        }
    }

    private void OnDigest(InboundDigest message)
    {
        var from = message.From.ToKey();
        if (_links.ContainsKey(from) && _broadcasts.OnDigest(from, message.Frame.Broadcasts, _seen.Contains, _graph))
        {
            SchedulePulls();
        }
    }

    private void SendDuePulls()
    {
        foreach (var (key, frame) in _broadcasts.TakePulls())
        {
            if (_links.TryGetValue(key, out var link))
            {
                link.Tell(new SendFrame(frame));
                _stats.PullEntriesSent += frame.Broadcasts.Count;
            }
        }

        SchedulePulls();
    }

    private void SchedulePulls()
    {
        if (_broadcasts.TimeUntilNextPull() is { } wait)
        {
            Timers.StartSingleTimer(PullTimer, PullDue.Instance, wait);
        }
        else
        {
            Timers.Cancel(PullTimer);
        }
    }

    private void OnPull(InboundPull message)
    {
        var from = message.From.ToKey();
        if (!_links.TryGetValue(from, out var link))
        {
            return;
        }

        foreach (var entry in message.Frame.Broadcasts)
        {
            if (!_broadcasts.TryGetRecent(entry, out var envelope))
            {
                _stats.PullsMissed++;
            }
            else if (!AllowedByRate(from))
            {
                // Answers count against the asker's rate, so pulls cannot amplify one link into many payloads.
                _stats.PullsRateLimited++;
            }
            else
            {
                link.Tell(new SendFrame(new EnvelopeFrame(envelope)));
                _stats.PullsServed++;
                _stats.PayloadsSent++;
            }
        }
    }

    private void Maintain()
    {
        _broadcasts.Prune();
        var expired = _relay.Prune();
        foreach (var (destination, count) in expired)
        {
            _stats.RelayDropped += count;
            Warn($"dropped {count} held envelope(s) for {destination.ToShortString()}: no path for {_settings.RelayQueueAge} (mesh.router.relay-queue-age)");
        }

        var evicted = _relay.Evicted - _evictionsReported;
        if (evicted > 0)
        {
            _evictionsReported = _relay.Evicted;
            _stats.RelayDropped += evicted;
            Warn($"dropped {evicted} held envelope(s) to make room (mesh.router.relay-queue-count, relay-queue-bytes, store-and-forward-queue-size)");
        }
    }

    private void Deliver(VerifiedEnvelope envelope, NodeId from)
    {
        var delivery = new DeliverEnvelope(envelope, from);
        switch (envelope.BodyType)
        {
            case EnvelopeBodyType.ChatMessage or EnvelopeBodyType.DeliveryReceipt:
                _chat.Tell(delivery);
                break;
            case EnvelopeBodyType.LinkState:
                _topology.Tell(delivery);
                break;
            case EnvelopeBodyType.TraceRequest or EnvelopeBodyType.TraceReply:
                _trace.Tell(delivery);
                break;
            default:
                // Kinds this node does not handle are still relayed, never read.
                break;
        }
    }

    private bool AllowedByRate(NodeKey link)
    {
        var limit = _settings.PerLinkRateLimit;
        if (limit <= 0)
        {
            return true;
        }

        if (!_buckets.TryGetValue(link, out var bucket))
        {
            bucket = new RateBucket(limit, _context.Time.GetTimestamp());
            _buckets[link] = bucket;
        }

        return bucket.TryTake(limit, _context.Time);
    }

    private void Warn(string text) => LinkContext.Publish(Context, new NodeWarning(_context.Now, text));

    private sealed record DigestsDue
    {
        public static readonly DigestsDue Instance = new();
    }

    private sealed record PullDue
    {
        public static readonly PullDue Instance = new();
    }

    private sealed record MaintenanceDue
    {
        public static readonly MaintenanceDue Instance = new();
    }
}
