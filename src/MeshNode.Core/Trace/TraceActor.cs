using System.Buffers.Binary;
using MeshNode.Actors;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Trace;

/// <summary>
/// The trace actor (/user/node/trace). As requester it sends a signed TraceRequest envelope to the
/// target, keeps it pending under a random 16-byte trace id, and answers the asker with a
/// <see cref="TraceResult"/> when the target's reply comes back (the round trip measured on this
/// node's monotonic clock) or with a failure after <c>mesh.node.trace-timeout</c>. As target it
/// answers requests addressed to it with a TraceReply: the hop count the request arrived with and
/// its own shortest path back, at most <c>mesh.node.trace-replies-per-second</c> replies per second.
/// Replies that match no pending trace (late, replayed with a new envelope, or from another node
/// than the one traced) and requests it will not answer are dropped and counted in
/// <see cref="NodeCounters"/>; forged and replayed envelopes never reach it (the router drops them).
/// </summary>
internal sealed class TraceActor : ReceiveActor, IWithTimers
{
    /// <summary>Traces in flight at once; the user types them, so more means a runaway script.</summary>
    internal const int MaxPending = 64;

    private static readonly TimeSpan PathQueryTimeout = TimeSpan.FromSeconds(1);

    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _topology;
    private readonly TraceRateLimiter _limiter;
    private readonly Dictionary<UInt128, (PendingTrace Trace, string TargetName)> _pending = [];

    public TraceActor(LinkContext context, IActorRef router, IActorRef topology)
    {
        _context = context;
        _router = router;
        _topology = topology;
        _limiter = new TraceRateLimiter(context.Settings.Node.TraceRepliesPerSecond, context.Time);

        Receive<StartTrace>(OnStart);
        ReceiveAsync<DeliverEnvelope>(OnDeliverAsync);
        Receive<TraceTimedOut>(OnTimedOut);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostStop()
    {
        foreach (var (trace, name) in _pending.Values)
        {
            trace.ReplyTo.Tell(new Status.Failure(new NodeCommandException($"The node stopped before {name} answered the trace.")));
        }

        _pending.Clear();
    }

    private void OnStart(StartTrace command)
    {
        var name = command.TargetName;
        if (command.Target == _context.Identity.Id)
        {
            Sender?.Tell(new Status.Failure(new NodeCommandException("A trace needs another node: this is you.")));
            return;
        }

        if (_pending.Count >= MaxPending)
        {
            Sender?.Tell(new Status.Failure(new NodeCommandException($"{MaxPending} traces are already waiting for answers; try again when they finish.")));
            return;
        }

        Span<byte> idBytes = stackalloc byte[16];
        _context.Random.Fill(idBytes);
        var traceId = BinaryPrimitives.ReadUInt128BigEndian(idBytes);
        var body = new TraceRequestBody(traceId, _context.Now.ToUnixTimeMilliseconds());
        var envelope = OutboundEnvelopes.Create(_context, command.Target, body, OutboundEnvelopes.SharedProtection(_context));
        var trace = new PendingTrace(traceId, command.Target, Sender ?? ActorRefs.Nobody, _context.Time.GetTimestamp());
        _pending[traceId] = (trace, name);
        Timers.StartSingleTimer(TimerKey(traceId), new TraceTimedOut(traceId), _context.Settings.Node.TraceTimeout);
        _router.Tell(new RouteEnvelope(envelope));
    }

    private void OnTimedOut(TraceTimedOut message)
    {
        if (_pending.Remove(message.TraceId, out var entry))
        {
            entry.Trace.ReplyTo.Tell(new Status.Failure(new NodeCommandException(
                $"{entry.TargetName} did not answer the trace within mesh.node.trace-timeout ({_context.Settings.Node.TraceTimeout.TotalSeconds} s): it may be away or unreachable.")));
        }
    }

    private async Task OnDeliverAsync(DeliverEnvelope message)
    {
        var envelope = message.Envelope;
        EnvelopeBody body;
        try
        {
            body = BodyProtector.Open(envelope, _context.Identity, _context.Fernet, _context.BodyLimits);
        }
        catch (ProtocolViolationException)
        {
            _context.Counters.UnreadableBody();
            return;
        }

        switch (body)
        {
            case TraceRequestBody request:
                await AnswerAsync(envelope, request);
                break;
            case TraceReplyBody reply:
                Complete(envelope, reply);
                break;
            default:
                _context.Counters.RejectedEnvelope();
                break;
        }
    }

    private async Task AnswerAsync(VerifiedEnvelope envelope, TraceRequestBody request)
    {
        // A broadcast request would make every node answer one datagram: never answered.
        if (envelope.Destination != _context.Identity.Id || !_limiter.TryTake())
        {
            _context.Counters.RefusedTraceRequest();
            return;
        }

        var hops = await PathBackAsync(envelope.Origin);
        var reply = new TraceReplyBody(request.TraceId, envelope.HopsTravelled, hops, request.SentAtUnixMs, _context.Now.ToUnixTimeMilliseconds());
        _router.Tell(new RouteEnvelope(OutboundEnvelopes.Create(_context, envelope.Origin, reply, OutboundEnvelopes.SharedProtection(_context))));
    }

    /// <summary>This node's shortest path to <paramref name="requester"/>, nearest first, with each link's advertised RTT; empty when unknown.</summary>
    private async Task<IReadOnlyList<LinkNeighbour>> PathBackAsync(NodeId requester)
    {
        try
        {
            var path = await _topology.Ask<TraceView>(new GetPath(requester), PathQueryTimeout);
            var topology = await _topology.Ask<TopologyView>(GetTopology.Instance, PathQueryTimeout);
            var rtts = new Dictionary<(string, string), TimeSpan>();
            foreach (var edge in topology.Edges)
            {
                rtts[(edge.A, edge.B)] = edge.Rtt;
                rtts[(edge.B, edge.A)] = edge.Rtt;
            }

            var hops = new List<LinkNeighbour>(path.Hops.Count);
            var previous = _context.Identity.Id.ToString();
            foreach (var hop in path.Hops.Take((int)_context.EnvelopeLimits.MaxHopLimit))
            {
                var rtt = rtts.GetValueOrDefault((previous, hop));
                hops.Add(new LinkNeighbour(NodeId.Parse(hop), (uint)Math.Clamp(rtt.TotalMicroseconds, 0, uint.MaxValue)));
                previous = hop;
            }

            return hops;
        }
        catch (Exception ex) when (ex is AskTimeoutException or InvalidCastException or FormatException or ArgumentException)
        {
            // No answer in time (or one that does not parse): the reply still proves the target
            // answered; only the path back is missing.
            return [];
        }
    }

    private void Complete(VerifiedEnvelope envelope, TraceReplyBody reply)
    {
        if (envelope.Destination != _context.Identity.Id
            || !_pending.TryGetValue(reply.TraceId, out var entry)
            || entry.Trace.Target != envelope.Origin)
        {
            _context.Counters.DroppedTraceReply();
            return;
        }

        _pending.Remove(reply.TraceId);
        Timers.Cancel(TimerKey(reply.TraceId));
        var roundTrip = _context.Time.GetElapsedTime(entry.Trace.StartedAt);
        entry.Trace.ReplyTo.Tell(new TraceResult(envelope.Origin, ForwardPath(envelope.Origin, reply), reply.HopCount, roundTrip));
    }

    /// <summary>
    /// The target's path back, reversed into the path from here: its last hop must be this node;
    /// the hops before it, read backwards, lead from here to the target. A reply without a usable
    /// path (unknown to the target's topology) gives the target alone.
    /// </summary>
    private List<NodeId> ForwardPath(NodeId target, TraceReplyBody reply)
    {
        var back = reply.Hops.Select(h => h.NodeId).ToList();
        var path = new List<NodeId>();
        if (back.Count > 0 && back[^1] == _context.Identity.Id)
        {
            for (var i = back.Count - 2; i >= 0; i--)
            {
                if (back[i] != target && back[i] != _context.Identity.Id && !path.Contains(back[i]))
                {
                    path.Add(back[i]);
                }
            }
        }

        path.Add(target);
        return path;
    }

    private static string TimerKey(UInt128 traceId) => "trace-" + traceId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record TraceTimedOut(UInt128 TraceId);
}
