using MeshNode.Actors;
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
/// second), delivers envelopes for this node to the chat and topology actors, floods broadcasts to
/// every link but the arrival one, and forwards directed envelopes along the topology's shortest
/// path (<see cref="DirectedForwarding"/>, flooding when no path is known).
/// </summary>
internal sealed class RouterActor : ReceiveActor
{
    private readonly LinkContext _context;
    private readonly NodeKey _self;
    private readonly SeenCache _seen;
    private readonly EnvelopeLimits _limits;
    private readonly Dictionary<NodeKey, IActorRef> _links = [];
    private readonly Dictionary<NodeKey, RateBucket> _buckets = [];
    private TopologyGraph _graph;
    private IActorRef _chat = ActorRefs.Nobody;
    private IActorRef _topology = ActorRefs.Nobody;

    public RouterActor(LinkContext context)
    {
        _context = context;
        _self = context.Identity.Id.ToKey();
        var router = context.Settings.Router;
        _seen = new SeenCache(Math.Max(16, router.DedupCacheSize), router.DedupMaxAge, context.Time);
        _limits = context.EnvelopeLimits;
        _graph = TopologyGraph.Empty(_self);

        Receive<RouterTargets>(m =>
        {
            _chat = m.Chat;
            _topology = m.Topology;
        });
        Receive<LinkAttached>(m => _links[m.Peer.Id.ToKey()] = m.Link);
        Receive<LinkDetached>(m =>
        {
            var key = m.Peer.ToKey();
            if (_links.TryGetValue(key, out var link) && link.Equals(m.Link))
            {
                _links.Remove(key);
                _buckets.Remove(key);
            }
        });
        Receive<TopologyUpdated>(m => _graph = m.Graph);
        Receive<InboundEnvelope>(OnInbound);
        Receive<RouteEnvelope>(m => OnLocal(m.Envelope));
        Receive<GetLinkedPeers>(_ => Sender?.Tell(new LinkedPeers(_links.Keys.Select(k => k.ToNodeId()).ToArray())));
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
        if (!_seen.TryAdd(origin, envelope.Id.ToMessageId()))
        {
            _context.Counters.DuplicateEnvelope();
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

        if (envelope.Destination == _context.Identity.Id || !EnvelopeCodec.TryIncrementHop(envelope, out var relayed))
        {
            return;
        }

        var sent = Forward(relayed, from);
        if (relayed.Destination is not null)
        {
            for (var i = 0; i < sent; i++)
            {
                _context.Counters.RelayedDirectedEnvelope();
            }
        }
    }

    private void OnLocal(VerifiedEnvelope envelope)
    {
        _seen.TryAdd(_self, envelope.Id.ToMessageId());
        _ = Forward(envelope, _self);
    }

    private int Forward(VerifiedEnvelope envelope, NodeKey arrivedFrom)
    {
        var sent = 0;
        IEnumerable<NodeKey> targets = envelope.Destination is { } destination
            ? DirectedForwarding.NextTargets(destination.ToKey(), arrivedFrom, _graph, _links.Keys)
            : _links.Keys.Where(k => k != arrivedFrom && k != envelope.Origin.ToKey());
        var frame = new SendFrame(new EnvelopeFrame(envelope.Encoded));
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
            default:
                // Kinds this node does not handle are still relayed, never read.
                break;
        }
    }

    private bool AllowedByRate(NodeKey link)
    {
        var limit = _context.Settings.Router.PerLinkRateLimit;
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

    /// <summary>A token bucket: <c>limit</c> envelopes per second, bursts up to one second's worth.</summary>
    private sealed class RateBucket(double tokens, long lastRefill)
    {
        private double _tokens = tokens;
        private long _lastRefill = lastRefill;

        public bool TryTake(int limit, TimeProvider time)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(limit, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * limit));
            _lastRefill = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
