using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

/// <summary>
/// The links supervisor (/user/node/links): takes inbound connections from the listener
/// (<see cref="ListenerActor"/>), dials static and discovered peers with jittered exponential
/// backoff, runs each new connection's handshake in a <see cref="HandshakeActor"/>
/// (<c>links/handshake-N</c>, at most <c>mesh.link.max-pending-handshakes</c> inbound at once) and
/// each authenticated one in a <see cref="LinkActor"/> named after its peer
/// (<c>links/peer-&lt;short id&gt;</c>, with <c>-N</c> appended while the tie-break briefly holds two
/// links to one peer), and keeps one link per peer when both dial at once: the connection initiated
/// by the smaller node id wins on both sides. Tells the router and topology actors which links are
/// attached and publishes <see cref="LinkUp"/> and <see cref="LinkDown"/>.
/// </summary>
internal sealed class LinksActor : ReceiveActor, IWithTimers
{
    private readonly ITransport _transport;
    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _topology;
    private readonly IActorRef _chat;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<NodeId, Attached> _attached = [];
    private readonly Dictionary<IActorRef, LinkClosing> _closingReasons = [];
    private readonly HashSet<IActorRef> _deadDuplicates = [];
    private readonly Dictionary<IActorRef, TransportEndpoint> _dialedLinks = [];
    private readonly Dictionary<TransportEndpoint, DialTarget> _targets = [];
    private readonly HashSet<IActorRef> _inboundHandshakes = [];
    private readonly HashSet<IActorRef> _handedOver = [];
    private int _counter;
    private long _refusedSinceWarning;
    private bool _refusalWarned;

    public LinksActor(ITransport transport, LinkContext context, IActorRef router, IActorRef topology, IActorRef chat)
    {
        _transport = transport;
        _context = context;
        _router = router;
        _topology = topology;
        _chat = chat;

        Receive<InboundConnection>(m => OnInbound(m.Connection));
        Receive<DialEndpoint>(OnDial);
        Receive<Dialed>(m => StartHandshake(m.Connection, inbound: false, m.Endpoint));
        Receive<HandshakeCompleted>(OnHandshakeCompleted);
        Receive<HandshakeDeadline>(m =>
        {
            // Over as far as the pending bound goes: the connection closes once the actor has stopped.
            _inboundHandshakes.Remove(m.Handshake);
            m.Handshake.Tell(HandshakeTimedOut.Instance);
        });
        Receive<DialFailed>(m => OnDialFailed(m.Endpoint, m.Reason));
        Receive<Redial>(m => Dial(m.Endpoint));
        Receive<LinkEstablished>(OnEstablished);
        Receive<LinkClosing>(m => _closingReasons[m.Link] = m);
        // Terminated is a system message and overtakes the LinkClosing the link sent just before
        // stopping; going round the mailbox once puts it behind that reason.
        Receive<Terminated>(m =>
        {
            _inboundHandshakes.Remove(m.ActorRef);
            Self.Tell(new LinkStopped(m.ActorRef));
        });
        Receive<LinkStopped>(m => OnTerminated(m.Link));
        Receive<DetachIfStill>(m =>
        {
            _deadDuplicates.Remove(m.Link);
            if (_attached.TryGetValue(m.Peer, out var current) && current.Link.Equals(m.Link))
            {
                Detach(current.Peer, m.Link, m.Reason);
            }
        });
        Receive<InboundPeerExchange>(m => Context.Parent.Forward(m, Context));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void OnInbound(ITransportConnection connection)
    {
        var limit = _context.Settings.Link.MaxPendingHandshakes;
        if (_inboundHandshakes.Count >= limit)
        {
            // A flood of connections that never finish their handshake must not hold a socket each.
            connection.Abort("too many pending handshakes");
            _ = connection.DisposeAsync().AsTask();
            if (_refusalWarned)
            {
                _refusedSinceWarning++;
                return;
            }

            _refusalWarned = true;
            LinkContext.Publish(Context, new NodeWarning(
                _context.Now,
                $"{Self.Path}: refused a connection from {connection.RemoteEndpoint}: {limit} handshakes pending (mesh.link.max-pending-handshakes)"));
            return;
        }

        if (_inboundHandshakes.Count == 0 && _refusalWarned)
        {
            if (_refusedSinceWarning > 0)
            {
                LinkContext.Publish(Context, new NodeWarning(
                    _context.Now, $"{Self.Path}: refused {_refusedSinceWarning} more connections while {limit} handshakes were pending (mesh.link.max-pending-handshakes)"));
            }

            _refusalWarned = false;
            _refusedSinceWarning = 0;
        }

        _inboundHandshakes.Add(StartHandshake(connection, inbound: true, null));
    }

    private void OnDial(DialEndpoint message)
    {
        if (message.Peer is { } known && _attached.ContainsKey(known))
        {
            return;
        }

        if (_targets.TryGetValue(message.Endpoint, out var target))
        {
            target.Persistent |= message.Persistent;
            if (target.Connecting || (target.Peer is { } peer && _attached.ContainsKey(peer)))
            {
                return;
            }
        }
        else
        {
            _targets[message.Endpoint] = new DialTarget { Persistent = message.Persistent };
        }

        Dial(message.Endpoint);
    }

    private void Dial(TransportEndpoint endpoint)
    {
        if (!_targets.TryGetValue(endpoint, out var target) || target.Connecting)
        {
            return;
        }

        target.Connecting = true;
        var self = Self;
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                var connection = await _transport.ConnectAsync(endpoint, token).ConfigureAwait(false);
                self.Tell(new Dialed(endpoint, connection));
            }
            catch (Exception ex) when (ex is TransportException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                self.Tell(new DialFailed(endpoint, ex.Message));
            }
        });
    }

    private void OnDialFailed(TransportEndpoint endpoint, string reason)
    {
        if (!_targets.TryGetValue(endpoint, out var target))
        {
            return;
        }

        target.Connecting = false;
        target.Failures++;
        if (target.Failures == 1)
        {
            LinkContext.Publish(Context, new NodeWarning(_context.Now, $"cannot reach {endpoint}: {reason}"));
        }

        ScheduleRedial(endpoint, target);
    }

    private void ScheduleRedial(TransportEndpoint endpoint, DialTarget target)
    {
        if (!target.Persistent)
        {
            _targets.Remove(endpoint);
            return;
        }

        var link = _context.Settings.Link;
        var exponent = Math.Min(target.Failures, 16);
        var delay = Math.Min(link.ReconnectMinBackoff.TotalMilliseconds * Math.Pow(2, exponent), link.ReconnectMaxBackoff.TotalMilliseconds);
        var jitter = 1 + (((NextUnit() * 2) - 1) * link.ReconnectJitter);
        Timers.StartSingleTimer($"redial-{endpoint}", new Redial(endpoint), TimeSpan.FromMilliseconds(Math.Max(1, delay * jitter)));
    }

    private double NextUnit()
    {
        Span<byte> bytes = stackalloc byte[4];
        _context.Random.Fill(bytes);
        return BitConverter.ToUInt32(bytes) / (double)uint.MaxValue;
    }

    private IActorRef StartHandshake(ITransportConnection connection, bool inbound, TransportEndpoint? dialed)
    {
        var context = _context;
        var handshake = Context.ActorOf(Props.Create(() => new HandshakeActor(connection, inbound, context)), $"handshake-{++_counter}");
        Context.Watch(handshake);
        // The deadline lives here, on the node's clock, so it is armed before the next connection is taken.
        Timers.StartSingleTimer(DeadlineKey(handshake), new HandshakeDeadline(handshake), _context.Settings.Link.HandshakeTimeout);
        if (dialed is not null)
        {
            _dialedLinks[handshake] = dialed;
            if (_targets.TryGetValue(dialed, out var target))
            {
                target.Connecting = false;
            }
        }

        return handshake;
    }

    private static string DeadlineKey(IActorRef handshake) => $"deadline-{handshake.Path.Name}";

    private void OnHandshakeCompleted(HandshakeCompleted message)
    {
        Timers.Cancel(DeadlineKey(message.Handshake));
        _handedOver.Add(message.Handshake);
        _inboundHandshakes.Remove(message.Handshake);
        var peer = message.Peer;
        var name = $"peer-{peer.Id.Short}";
        if (!Context.Child(name).Equals(ActorRefs.Nobody))
        {
            // The tie-break may briefly hold two links to one peer (or the old one is still stopping).
            name = $"{name}-{++_counter}";
        }

        var (connection, transport, context, router, topology) = (message.Connection, message.Transport, _context, _router, _topology);
        var link = Context.ActorOf(Props.Create(() => new LinkActor(connection, transport, peer, context, router, topology)), name);
        Context.Watch(link);
        if (_dialedLinks.Remove(message.Handshake, out var dialed))
        {
            _dialedLinks[link] = dialed;
        }
    }

    private void OnEstablished(LinkEstablished message)
    {
        var peer = message.Peer;
        var self = _context.Identity.Id;
        if (_dialedLinks.TryGetValue(message.Link, out var endpoint) && _targets.TryGetValue(endpoint, out var target))
        {
            target.Peer = peer.Id;
            target.Failures = 0;
        }

        if (peer.Id == self)
        {
            message.Link.Tell(new CloseLink(LinkCloseReason.DuplicateLink, "a link to itself"));
            return;
        }

        if (_attached.TryGetValue(peer.Id, out var existing))
        {
            var keepNew = _deadDuplicates.Contains(existing.Link) || peer.InitiatorId(self) <= existing.Peer.InitiatorId(self);
            var loser = keepNew ? existing.Link : message.Link;
            loser.Tell(new CloseLink(LinkCloseReason.DuplicateLink, "another link to the same peer won the tie-break"));
            if (!keepNew)
            {
                return;
            }
        }

        var attached = new Attached(peer, message.Link);
        _attached[peer.Id] = attached;
        var notice = new LinkAttached(peer, message.Link);
        _router.Tell(notice);
        _topology.Tell(notice);
        _chat.Tell(notice);
        Context.Parent.Tell(notice);
        if (existing is null)
        {
            LinkContext.Publish(Context, new LinkUp(_context.Now, peer.Id.ToString(), peer.Name, peer.Endpoint.ToString(), peer.Inbound));
        }
    }

    private void OnTerminated(IActorRef link)
    {
        _inboundHandshakes.Remove(link);
        Timers.Cancel(DeadlineKey(link));

        if (_handedOver.Remove(link))
        {
            // A handshake actor that handed its connection to a link actor: that one carries on.
            return;
        }

        _closingReasons.Remove(link, out var closing);
        _dialedLinks.Remove(link, out var endpoint);
        var reason = closing?.Reason ?? "stopped";
        var peer = _attached.FirstOrDefault(kv => kv.Value.Link.Equals(link)).Value?.Peer;
        if (peer is not null && closing?.Duplicate == true)
        {
            // The peer kept another link between us that may still be finishing its handshake here:
            // wait for it a little before saying the peer is gone.
            _deadDuplicates.Add(link);
            Timers.StartSingleTimer($"duplicate-{peer.Id}", new DetachIfStill(peer.Id, link, reason), _context.Settings.Link.HandshakeTimeout);
            return;
        }

        if (peer is not null)
        {
            Detach(peer, link, reason);
        }

        if (endpoint is not null && _targets.TryGetValue(endpoint, out var dialTarget)
            && !dialTarget.Connecting && (dialTarget.Peer is not { } p || !_attached.ContainsKey(p)))
        {
            dialTarget.Failures++;
            ScheduleRedial(endpoint, dialTarget);
        }
    }

    private void Detach(LinkPeer peer, IActorRef link, string reason)
    {
        _attached.Remove(peer.Id);
        var notice = new LinkDetached(peer.Id, link, reason);
        _router.Tell(notice);
        _topology.Tell(notice);
        _chat.Tell(notice);
        Context.Parent.Tell(notice);
        LinkContext.Publish(Context, new LinkDown(_context.Now, peer.Id.ToString(), peer.Name, reason));
        foreach (var (targetEndpoint, target) in _targets)
        {
            if (target.Peer == peer.Id && !target.Connecting)
            {
                ScheduleRedial(targetEndpoint, target);
            }
        }
    }

    private sealed record Attached(LinkPeer Peer, IActorRef Link);

    private sealed record LinkStopped(IActorRef Link);

    private sealed record HandshakeDeadline(IActorRef Handshake);

    private sealed record DetachIfStill(NodeId Peer, IActorRef Link, string Reason);

    private sealed record Dialed(TransportEndpoint Endpoint, ITransportConnection Connection);

    private sealed record DialFailed(TransportEndpoint Endpoint, string Reason);

    private sealed record Redial(TransportEndpoint Endpoint);

    private sealed class DialTarget
    {
        public bool Persistent { get; set; }

        public bool Connecting { get; set; }

        public int Failures { get; set; }

        public NodeId? Peer { get; set; }
    }
}
