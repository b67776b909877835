using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

/// <summary>
/// The links supervisor (/user/node/links): accepts inbound connections from the listener, dials
/// static and discovered peers with jittered exponential backoff, starts one <see cref="LinkActor"/>
/// per connection, and keeps one link per peer when both dial at once: the connection initiated by
/// the smaller node id wins on both sides. Tells the router and topology actors which links are
/// attached and publishes <see cref="LinkUp"/> and <see cref="LinkDown"/>.
/// </summary>
internal sealed class LinksActor : ReceiveActor, IWithTimers
{
    private readonly ITransport _transport;
    private readonly ITransportListener _listener;
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
    private int _counter;

    public LinksActor(ITransport transport, ITransportListener listener, LinkContext context, IActorRef router, IActorRef topology, IActorRef chat)
    {
        _transport = transport;
        _listener = listener;
        _context = context;
        _router = router;
        _topology = topology;
        _chat = chat;

        Receive<Accepted>(m => StartLink(m.Connection, inbound: true, null));
        Receive<DialEndpoint>(OnDial);
        Receive<Dialed>(m => StartLink(m.Connection, inbound: false, m.Endpoint));
        Receive<DialFailed>(m => OnDialFailed(m.Endpoint, m.Reason));
        Receive<Redial>(m => Dial(m.Endpoint));
        Receive<LinkEstablished>(OnEstablished);
        Receive<LinkClosing>(m => _closingReasons[m.Link] = m);
        // Terminated is a system message and overtakes the LinkClosing the link sent just before
        // stopping; going round the mailbox once puts it behind that reason.
        Receive<Terminated>(m => Self.Tell(new LinkStopped(m.ActorRef)));
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

    protected override void PreStart()
    {
        var self = Self;
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    var connection = await _listener.AcceptAsync(token).ConfigureAwait(false);
                    self.Tell(new Accepted(connection));
                }
                catch (Exception ex) when (ex is OperationCanceledException or TransportException or ObjectDisposedException)
                {
                    if (token.IsCancellationRequested || ex is not TransportException { Reason: TransportErrorReason.Reset or TransportErrorReason.TimedOut })
                    {
                        return;
                    }
                }
            }
        });
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _ = _listener.DisposeAsync().AsTask();
        _stop.Dispose();
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

    private void StartLink(ITransportConnection connection, bool inbound, TransportEndpoint? dialed)
    {
        var props = Props.Create(() => new LinkActor(connection, inbound, _context, _router, _topology));
        var link = Context.ActorOf(props, $"link-{++_counter}");
        Context.Watch(link);
        if (dialed is not null)
        {
            _dialedLinks[link] = dialed;
            if (_targets.TryGetValue(dialed, out var target))
            {
                target.Connecting = false;
            }
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

    private sealed record Accepted(ITransportConnection Connection);

    private sealed record LinkStopped(IActorRef Link);

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
