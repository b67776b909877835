using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Links;

/// <summary>
/// One actor per authenticated link (<c>/user/node/links/peer-&lt;short id&gt;</c>), started by the
/// links supervisor with the connection and keys a <see cref="HandshakeActor"/> handed over: a read
/// loop (frame, decrypt, decode) feeds this actor and a writer loop drains a bounded write queue.
/// Envelope frames are flow controlled (<see cref="LinkFlowControl"/>): they wait in a
/// <see cref="LinkSendQueue"/> (<c>mesh.link.send-queue-capacity</c>; full, it drops the oldest,
/// counts and warns) until the peer grants credit, and a peer sending beyond the credit granted to
/// it is closed. Control frames need no credit. Keepalive pings measure the RTT; no traffic for
/// <c>mesh.link.dead-link-timeout</c> closes the link. Bad input that closes links (framing,
/// authentication) closes this link only; other bad frames are dropped and counted.
/// </summary>
internal sealed class LinkActor : ReceiveActor, IWithTimers
{
    private const string KeepaliveTimer = "keepalive";
    private const string CloseTimer = "close";

    private readonly ITransportConnection _connection;
    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _topology;
    private readonly CancellationTokenSource _stop = new();
    private readonly LinkWriter _writer;
    private readonly LinkSendQueue _envelopes;
    private readonly LinkFlowControl _flow;
    private readonly PipeFrameReader _reader;
    private readonly LengthPrefixFramer _framer;
    private readonly LinkTransport _transport;
    private readonly LinkPeer _peer;
    private long _lastHeard;
    private ulong _pingNonce;
    private bool _closing;
    private bool _writerDone;
    private long _unwarnedDrops;
    private long _unsentGrantFrames;
    private long _unsentGrantBytes;
    private bool _dropWarned;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    public LinkActor(ITransportConnection connection, LinkTransport transport, LinkPeer peer, LinkContext context, IActorRef router, IActorRef topology)
    {
        _connection = connection;
        _transport = transport;
        _peer = peer;
        _context = context;
        _router = router;
        _topology = topology;
        var link = context.Settings.Link;
        _framer = new LengthPrefixFramer(link.MaxFrameSize);
        _reader = new PipeFrameReader(connection.Pipe.Input, _framer);
        _writer = new LinkWriter(link.SendQueueCapacity, _framer);
        _envelopes = new LinkSendQueue(Math.Max(1, link.SendQueueCapacity));
        _flow = new LinkFlowControl(link.InitialCreditFrames, link.InitialCreditBytes, link.CreditGrantThreshold);

        Receive<SendFrame>(m => Enqueue(m.Message));
        Receive<FrameReceived>(m => OnFrame(m.Message));
        Receive<FrameRejected>(m => Warn($"{Self.Path}: dropped a bad frame from {PeerLabel}: {m.Reason}"));
        Receive<LinkFailed>(m => Close(m.Reason, m.Text, sendCloseFrame: m.Reason is LinkCloseReason.ProtocolViolation or LinkCloseReason.Overloaded));
        Receive<CloseLink>(m => Close(m.Reason, m.Text, sendCloseFrame: true));
        Receive<KeepaliveTick>(_ => OnKeepalive());
        Receive<WriterDone>(_ =>
        {
            _writerDone = true;
            Context.Stop(Self);
        });
        Receive<CloseNow>(_ => Context.Stop(Self));
        Receive<WriterDrained>(_ =>
        {
            SendGrant();
            Pump();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string PeerLabel => $"{_peer.Name} ({_peer.Id.Short})";

    protected override void PreStart()
    {
        _lastHeard = _context.Time.GetTimestamp();
        var self = Self;
        var transport = _transport;
        var limits = _context.LinkFrameLimits;
        // The first frame of every link: the window the peer may send (docs/protocol.md, FlowCredit).
        _writer.TryWriteControl(_flow.InitialGrant());
        _readLoop = Task.Run(() => ReadLoopAsync(self, transport, limits, _stop.Token));
        _writeLoop = Task.Run(() => WriteLoopAsync(self, transport, _stop.Token));
        Timers.StartPeriodicTimer(KeepaliveTimer, KeepaliveTick.Instance, _context.Settings.Link.KeepaliveInterval);
        Context.Parent.Tell(new LinkEstablished(_peer, Self));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _writer.Complete();
        _ = CloseConnectionAsync(_connection, _readLoop, _writeLoop, _transport, graceful: _writerDone);
    }

    /// <summary>
    /// After a close frame went out, a clean close so the peer reads it; otherwise an abort. Either
    /// way only once both loops are idle (the pipe's one-user rule), and the keys are zeroed last.
    /// </summary>
    private static async Task CloseConnectionAsync(ITransportConnection connection, Task readLoop, Task writeLoop, LinkTransport transport, bool graceful)
    {
        if (!graceful)
        {
            connection.Abort("link closed");
        }

        await Task.WhenAll(readLoop, writeLoop)
            .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
            .ConfigureAwait(false);
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TransportException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            // Already broken: nothing more to send.
        }

        transport.Dispose();
    }

    private Task ReadLoopAsync(IActorRef self, LinkTransport transport, LinkFrameLimits limits, CancellationToken token) =>
        new LinkReader(_reader, transport, limits, _flow, _context.Counters).RunAsync(
            message => self.Tell(new FrameReceived(message)),
            reason => self.Tell(new FrameRejected(reason)),
            (reason, text) => self.Tell(new LinkFailed(reason, text)),
            token);

    private async Task WriteLoopAsync(IActorRef self, LinkTransport transport, CancellationToken token)
    {
        try
        {
            await _writer.RunAsync(_connection.Pipe.Output, transport, () => self.Tell(WriterDrained.Instance), token).ConfigureAwait(false);
            self.Tell(WriterDone.Instance);
        }
        catch (OperationCanceledException)
        {
            // The actor stopped.
        }
        catch (Exception ex) when (ex is TransportException or InvalidOperationException or IOException or ProtocolViolationException or ArgumentException)
        {
            self.Tell(new LinkFailed(LinkCloseReason.Unspecified, ex.Message));
        }
    }

    private void Enqueue(LinkMessage message)
    {
        if (_closing)
        {
            return;
        }

        if (message is EnvelopeFrame envelope)
        {
            if (_envelopes.Enqueue(envelope))
            {
                Dropped("the oldest envelope frame");
            }

            Pump();
            return;
        }

        // Control frames need no credit and go straight to the writer.
        if (!_writer.TryWriteControl(message))
        {
            Dropped($"a {message.GetType().Name}");
        }
    }

    /// <summary>
    /// Moves queued envelopes to the writer while the peer's credit and the writer window allow.
    /// Runs again when credit arrives, when an envelope is queued and when the writer drains.
    /// </summary>
    private void Pump()
    {
        while (!_closing && _envelopes.TryPeek(out var envelope))
        {
            var length = envelope.SignedEnvelope.Length;
            if (!_flow.CanSend(length))
            {
                return;
            }

            if (!_writer.TryWriteEnvelope(envelope))
            {
                // The writer sends WriterDrained after its next flush.
                return;
            }

            _envelopes.Dequeue();
            _flow.Sent(length);
        }
    }

    /// <summary>Counts a dropped frame; warns at once on the first, then at most once per keepalive interval with the count.</summary>
    private void Dropped(string what)
    {
        _context.Counters.DroppedSend();
        if (_dropWarned)
        {
            _unwarnedDrops++;
            return;
        }

        _dropWarned = true;
        Warn($"{Self.Path}: send queue to {PeerLabel} is full (mesh.link.send-queue-capacity = {_context.Settings.Link.SendQueueCapacity}; "
            + $"credit from the peer: {_flow.SendFrames} frames, {_flow.SendBytes} bytes); dropped {what}");
    }

    private void WarnUnreportedDrops()
    {
        if (_unwarnedDrops > 0)
        {
            Warn($"{Self.Path}: send queue to {PeerLabel} still full (mesh.link.send-queue-capacity = {_context.Settings.Link.SendQueueCapacity}); dropped {_unwarnedDrops} more frames");
            _unwarnedDrops = 0;
        }
        else
        {
            _dropWarned = false;
        }
    }

    /// <summary>After an envelope was handed on: a credit top-up when the peer has used enough of its window.</summary>
    private void GrantCredit(EnvelopeFrame envelope)
    {
        _flow.Consumed(envelope.SignedEnvelope.Length);
        if (_flow.TakeGrant() is { } grant)
        {
            _unsentGrantFrames += grant.Frames;
            _unsentGrantBytes += grant.Bytes;
            SendGrant();
        }
    }

    /// <summary>
    /// Sends the credit granted and not yet written. A grant is never dropped (the peer would wait
    /// for it forever): when the writer is full it waits, merged with later ones, for the writer to drain.
    /// </summary>
    private void SendGrant()
    {
        if (_closing || (_unsentGrantFrames == 0 && _unsentGrantBytes == 0))
        {
            return;
        }

        var grant = new FlowCreditFrame((uint)Math.Min(_unsentGrantFrames, uint.MaxValue), (uint)Math.Min(_unsentGrantBytes, uint.MaxValue));
        if (_writer.TryWriteControl(grant, notifyWhenRefused: true))
        {
            _unsentGrantFrames -= grant.Frames;
            _unsentGrantBytes -= grant.Bytes;
        }
    }

    private void OnFrame(LinkMessage message)
    {
        _lastHeard = _context.Time.GetTimestamp();
        switch (message)
        {
            case EnvelopeFrame envelope:
                _router.Tell(new InboundEnvelope(_peer!.Id, envelope.SignedEnvelope));
                GrantCredit(envelope);
                break;
            case FlowCreditFrame credit:
                _flow.Granted(credit);
                Pump();
                break;
            case PingFrame ping:
                Enqueue(new PongFrame(ping.Nonce, ping.SentAtMicroseconds));
                break;
            case PongFrame pong:
                var rtt = NowMicroseconds() - pong.EchoSentAtMicroseconds;
                if (rtt >= 0)
                {
                    _topology.Tell(new LinkRttMeasured(_peer!.Id, TimeSpan.FromMicroseconds(rtt)));
                }

                break;
            case CloseFrame close:
                Context.Parent.Tell(new LinkClosing(Self, $"closed by peer: {close.Reason} {close.Text}".TrimEnd(), close.Reason == LinkCloseReason.DuplicateLink), Self);
                Context.Stop(Self);
                break;
            case PeerExchangeFrame exchange:
                Context.Parent.Tell(new InboundPeerExchange(_peer!.Id, exchange, _peer.Endpoint.Host));
                break;
            case BroadcastDigestFrame digest:
                _router.Tell(new Routing.InboundDigest(_peer!.Id, digest));
                break;
            case BroadcastPullFrame pull:
                _router.Tell(new Routing.InboundPull(_peer!.Id, pull));
                break;
            default:
                // A frame kind this node does not act on (the codec already dropped unknown kinds).
                break;
        }
    }

    private void OnKeepalive()
    {
        if (_context.Time.GetElapsedTime(_lastHeard) > _context.Settings.Link.DeadLinkTimeout)
        {
            Close(LinkCloseReason.IdleTimeout, $"nothing heard for {_context.Settings.Link.DeadLinkTimeout.TotalSeconds:0.#} s", sendCloseFrame: true);
            return;
        }

        WarnUnreportedDrops();
        Enqueue(new PingFrame(++_pingNonce, NowMicroseconds()));
    }

    private void Close(LinkCloseReason reason, string text, bool sendCloseFrame)
    {
        if (_closing)
        {
            return;
        }

        Context.Parent.Tell(new LinkClosing(Self, $"{reason}: {text}"), Self);
        _envelopes.Clear();
        if (!sendCloseFrame)
        {
            Context.Stop(Self);
            return;
        }

        var closeText = text.Length > 200 ? text[..200] : text;
        _writer.TryWriteControl(new CloseFrame(reason, closeText));
        _closing = true;
        _writer.Complete();
        Timers.Cancel(KeepaliveTimer);
        Timers.StartSingleTimer(CloseTimer, CloseNow.Instance, TimeSpan.FromSeconds(1));
    }

    private long NowMicroseconds() => (long)(_context.Time.GetTimestamp() * (1_000_000.0 / _context.Time.TimestampFrequency));

    private void Warn(string message) => Context.System.EventStream.Publish(new NodeWarning(_context.Now, message));

    private sealed record WriterDrained
    {
        public static readonly WriterDrained Instance = new();
    }

    private sealed record KeepaliveTick
    {
        public static readonly KeepaliveTick Instance = new();
    }

    private sealed record WriterDone
    {
        public static readonly WriterDone Instance = new();
    }

    private sealed record CloseNow
    {
        public static readonly CloseNow Instance = new();
    }

    private sealed record FrameReceived(LinkMessage Message);

    private sealed record FrameRejected(string Reason);

    private sealed record LinkFailed(LinkCloseReason Reason, string Text);
}
