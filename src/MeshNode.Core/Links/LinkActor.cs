using System.Threading.Channels;
using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Links;

/// <summary>
/// One actor per connection (under the links supervisor): runs the Noise handshake with a
/// timeout, then a read loop (frame, decrypt, decode) that feeds this actor and a writer loop
/// draining a bounded send queue (<c>mesh.link.send-queue-capacity</c>; a full queue drops the
/// frame and counts it). Keepalive pings measure the RTT; no traffic for
/// <c>mesh.link.dead-link-timeout</c> closes the link. Bad input that closes links (framing,
/// authentication) closes this link only; other bad frames are dropped and counted.
/// </summary>
internal sealed class LinkActor : ReceiveActor, IWithTimers
{
    private const string KeepaliveTimer = "keepalive";
    private const string CloseTimer = "close";

    private readonly ITransportConnection _connection;
    private readonly bool _inbound;
    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly IActorRef _topology;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<LinkMessage> _sendQueue;
    private readonly PipeFrameReader _reader;
    private readonly LengthPrefixFramer _framer;
    private LinkTransport? _transport;
    private LinkPeer? _peer;
    private long _lastHeard;
    private ulong _pingNonce;
    private bool _closing;
    private bool _writerDone;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    public LinkActor(ITransportConnection connection, bool inbound, LinkContext context, IActorRef router, IActorRef topology)
    {
        _connection = connection;
        _inbound = inbound;
        _context = context;
        _router = router;
        _topology = topology;
        _framer = new LengthPrefixFramer(context.Settings.Link.MaxFrameSize);
        _reader = new PipeFrameReader(connection.Pipe.Input, _framer);
        _sendQueue = Channel.CreateBounded<LinkMessage>(new BoundedChannelOptions(Math.Max(1, context.Settings.Link.SendQueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        ReceiveAsync<StartHandshake>(_ => HandshakeAsync());
        Receive<SendFrame>(m => Enqueue(m.Message));
        Receive<FrameReceived>(m => OnFrame(m.Message));
        Receive<FrameRejected>(m => Warn($"dropped a bad frame from {PeerLabel}: {m.Reason}"));
        Receive<LinkFailed>(m => Close(m.Reason, m.Text, sendCloseFrame: m.Reason == LinkCloseReason.ProtocolViolation));
        Receive<CloseLink>(m => Close(m.Reason, m.Text, sendCloseFrame: true));
        Receive<KeepaliveTick>(_ => OnKeepalive());
        Receive<WriterDone>(_ =>
        {
            _writerDone = true;
            Context.Stop(Self);
        });
        Receive<CloseNow>(_ => Context.Stop(Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string PeerLabel => _peer is null ? _connection.RemoteEndpoint.ToString() : $"{_peer.Name} ({_peer.Id.Short})";

    protected override void PreStart() => Self.Tell(StartHandshake.Instance);

    protected override void PostStop()
    {
        _stop.Cancel();
        _sendQueue.Writer.TryComplete();
        _ = CloseConnectionAsync(_connection, _readLoop, _writeLoop, _transport, graceful: _writerDone);
    }

    /// <summary>
    /// After a close frame went out, a clean close so the peer reads it; otherwise an abort. Either
    /// way only once both loops are idle (the pipe's one-user rule), and the keys are zeroed last.
    /// </summary>
    private static async Task CloseConnectionAsync(ITransportConnection connection, Task readLoop, Task writeLoop, LinkTransport? transport, bool graceful)
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

        transport?.Dispose();
    }

    private async Task HandshakeAsync()
    {
        var settings = new LinkHandshakeSettings
        {
            Identity = _context.Identity,
            DisplayName = NodeNames.Truncate(_context.Settings.Node.Name),
            Network = _context.Network,
            Random = _context.Random,
        };
        using var timeout = new CancellationTokenSource(_context.Settings.Link.HandshakeTimeout, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stop.Token);
        var token = linked.Token;
        try
        {
            using var handshake = _inbound ? LinkHandshake.Responder(settings) : LinkHandshake.Initiator(settings);
            HandshakeResult result;
            if (_inbound)
            {
                var step = handshake.ReadNext(await ReadRawAsync(token));
                await WriteRawAsync(step.Outgoing!, token);
                result = handshake.ReadNext(await ReadRawAsync(token)).Result!;
            }
            else
            {
                await WriteRawAsync(handshake.WriteNext(), token);
                var step = handshake.ReadNext(await ReadRawAsync(token));
                await WriteRawAsync(step.Outgoing!, token);
                result = step.Result!;
            }

            Established(result);
        }
        catch (Exception ex) when (ex is ProtocolViolationException or TransportException or OperationCanceledException or EndOfStreamException)
        {
            _context.Counters.FailedHandshake();
            var why = ex is OperationCanceledException ? "timed out" : ex.Message;
            Warn($"handshake with {_connection.RemoteEndpoint} failed: {why}");
            Context.Stop(Self);
        }
    }

    private void Established(HandshakeResult result)
    {
        _transport = LinkTransport.From(result);
        _peer = new LinkPeer(
            result.RemoteNodeId,
            result.RemoteName,
            result.RemoteIdentityKey,
            result.RemoteSealingKey,
            _connection.RemoteEndpoint,
            _inbound);
        _lastHeard = _context.Time.GetTimestamp();
        var self = Self;
        var transport = _transport;
        var limits = _context.LinkFrameLimits;
        _readLoop = Task.Run(() => ReadLoopAsync(self, transport, limits, _stop.Token));
        _writeLoop = Task.Run(() => WriteLoopAsync(self, transport, _stop.Token));
        Timers.StartPeriodicTimer(KeepaliveTimer, KeepaliveTick.Instance, _context.Settings.Link.KeepaliveInterval);
        Context.Parent.Tell(new LinkEstablished(_peer, Self));
    }

    private async Task<byte[]> ReadRawAsync(CancellationToken token) =>
        await _reader.ReadFrameAsync(token) ?? throw new EndOfStreamException("the peer closed the connection during the handshake");

    private async Task WriteRawAsync(byte[] message, CancellationToken token)
    {
        _framer.WriteFrame(message, _connection.Pipe.Output);
        await _connection.Pipe.Output.FlushAsync(token);
    }

    private async Task ReadLoopAsync(IActorRef self, LinkTransport transport, LinkFrameLimits limits, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            byte[]? frame;
            try
            {
                frame = await _reader.ReadFrameAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ProtocolViolationException ex)
            {
                _context.Counters.RejectedFrame();
                self.Tell(new LinkFailed(LinkCloseReason.ProtocolViolation, ex.Message));
                return;
            }
            catch (Exception ex) when (ex is TransportException or InvalidOperationException or IOException)
            {
                self.Tell(new LinkFailed(LinkCloseReason.Unspecified, ex.Message));
                return;
            }

            if (frame is null)
            {
                self.Tell(new LinkFailed(LinkCloseReason.Unspecified, "the peer closed the connection"));
                return;
            }

            LinkMessage message;
            try
            {
                message = LinkFrameCodec.Decode(transport.Decrypt(frame), limits);
            }
            catch (ProtocolViolationException ex) when (!ex.ClosesLink)
            {
                _context.Counters.RejectedFrame();
                self.Tell(new FrameRejected(ex.Message));
                continue;
            }
            catch (ProtocolViolationException ex)
            {
                _context.Counters.RejectedFrame();
                self.Tell(new LinkFailed(LinkCloseReason.ProtocolViolation, ex.Message));
                return;
            }

            self.Tell(new FrameReceived(message));
        }
    }

    private async Task WriteLoopAsync(IActorRef self, LinkTransport transport, CancellationToken token)
    {
        var output = _connection.Pipe.Output;
        try
        {
            var reader = _sendQueue.Reader;
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    _framer.WriteFrame(transport.Encrypt(LinkFrameCodec.Encode(message)), output);
                }

                await output.FlushAsync(token).ConfigureAwait(false);
            }

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
        if (_closing || _transport is null)
        {
            return;
        }

        if (!_sendQueue.Writer.TryWrite(message))
        {
            _context.Counters.DroppedSend();
            Warn($"send queue to {PeerLabel} is full (mesh.link.send-queue-capacity = {_context.Settings.Link.SendQueueCapacity}); dropped a frame");
        }
    }

    private void OnFrame(LinkMessage message)
    {
        _lastHeard = _context.Time.GetTimestamp();
        switch (message)
        {
            case EnvelopeFrame envelope:
                _router.Tell(new InboundEnvelope(_peer!.Id, envelope.SignedEnvelope));
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
            default:
                // Flow credit frames: this node bounds its own queues and does not wait for credit.
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

        Enqueue(new PingFrame(++_pingNonce, NowMicroseconds()));
    }

    private void Close(LinkCloseReason reason, string text, bool sendCloseFrame)
    {
        if (_closing)
        {
            return;
        }

        Context.Parent.Tell(new LinkClosing(Self, $"{reason}: {text}"), Self);
        if (!sendCloseFrame || _transport is null)
        {
            Context.Stop(Self);
            return;
        }

        var closeText = text.Length > 200 ? text[..200] : text;
        _sendQueue.Writer.TryWrite(new CloseFrame(reason, closeText));
        _closing = true;
        _sendQueue.Writer.TryComplete();
        Timers.Cancel(KeepaliveTimer);
        Timers.StartSingleTimer(CloseTimer, CloseNow.Instance, TimeSpan.FromSeconds(1));
    }

    private long NowMicroseconds() => (long)(_context.Time.GetTimestamp() * (1_000_000.0 / _context.Time.TimestampFrequency));

    private void Warn(string message) => Context.System.EventStream.Publish(new NodeWarning(_context.Now, message));

    private sealed record StartHandshake
    {
        public static readonly StartHandshake Instance = new();
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
