using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Links;

/// <summary>
/// One actor per new connection (<c>/user/node/links/handshake-N</c>) while the peer is not yet
/// authenticated: runs the Noise handshake (initiator when we dialed), then hands the connection
/// and its transport keys to the links supervisor in a <see cref="HandshakeCompleted"/>, which
/// starts the peer's <see cref="LinkActor"/> under <c>links/peer-&lt;short id&gt;</c>. The
/// supervisor holds the deadline (<c>mesh.link.handshake-timeout</c>, on the node's clock) and sends
/// <see cref="HandshakeTimedOut"/> when it passes. A failure or timeout is counted and warned (with
/// this actor's path), the connection aborted, and the actor stops.
/// </summary>
internal sealed class HandshakeActor : ReceiveActor
{
    private readonly ITransportConnection _connection;
    private readonly bool _inbound;
    private readonly LinkContext _context;
    private readonly CancellationTokenSource _stop = new();
    private Task<HandshakeOutcome>? _handshake;
    private bool _handedOver;

    public HandshakeActor(ITransportConnection connection, bool inbound, LinkContext context)
    {
        _connection = connection;
        _inbound = inbound;
        _context = context;

        Receive<Succeeded>(OnSucceeded);
        Receive<Failed>(OnFailed);
        Receive<HandshakeTimedOut>(_ => Fail($"timed out after {_context.Settings.Link.HandshakeTimeout.TotalSeconds:0.###} s (mesh.link.handshake-timeout)"));
    }

    protected override void PreStart()
    {
        var self = Self;
        var token = _stop.Token;
        _handshake = Task.Run(() => RunAsync(token), CancellationToken.None);
        _ = _handshake.PipeTo(self, success: r => new Succeeded(r), failure: ex => new Failed(ex));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        if (!_handedOver && _handshake is not null)
        {
            _ = AbortAsync(_connection, _handshake);
        }
    }

    /// <summary>
    /// The handshake task ends quickly once cancelled; the pipe is left alone until it has. Keys of a
    /// handshake that finished just as this actor stopped are zeroed here, as nobody took them over.
    /// </summary>
    private static async Task AbortAsync(ITransportConnection connection, Task<HandshakeOutcome> handshake)
    {
        connection.Abort("handshake did not complete");
        await handshake.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
        if (handshake.IsCompletedSuccessfully)
        {
            handshake.Result.Transport.Dispose();
        }

        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TransportException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            // Already broken: nothing more to release.
        }
    }

    private async Task<HandshakeOutcome> RunAsync(CancellationToken token)
    {
        var settings = new LinkHandshakeSettings
        {
            Identity = _context.Identity,
            DisplayName = NodeNames.Truncate(_context.Settings.Node.Name),
            Network = _context.Network,
            Random = _context.Random,
        };
        var framer = new LengthPrefixFramer(_context.Settings.Link.MaxFrameSize);
        var reader = new PipeFrameReader(_connection.Pipe.Input, framer);
        using var handshake = _inbound ? LinkHandshake.Responder(settings) : LinkHandshake.Initiator(settings);
        HandshakeResult result;
        if (_inbound)
        {
            var step = handshake.ReadNext(await ReadAsync(reader, token).ConfigureAwait(false));
            await WriteAsync(framer, step.Outgoing!, token).ConfigureAwait(false);
            result = handshake.ReadNext(await ReadAsync(reader, token).ConfigureAwait(false)).Result!;
        }
        else
        {
            await WriteAsync(framer, handshake.WriteNext(), token).ConfigureAwait(false);
            var step = handshake.ReadNext(await ReadAsync(reader, token).ConfigureAwait(false));
            await WriteAsync(framer, step.Outgoing!, token).ConfigureAwait(false);
            result = step.Result!;
        }

        var peer = new LinkPeer(
            result.RemoteNodeId,
            result.RemoteName,
            result.RemoteIdentityKey,
            result.RemoteSealingKey,
            _connection.RemoteEndpoint,
            _inbound);
        return new HandshakeOutcome(peer, LinkTransport.From(result));
    }

    private static async Task<byte[]> ReadAsync(PipeFrameReader reader, CancellationToken token) =>
        await reader.ReadFrameAsync(token).ConfigureAwait(false)
            ?? throw new EndOfStreamException("the peer closed the connection during the handshake");

    private async Task WriteAsync(LengthPrefixFramer framer, byte[] message, CancellationToken token)
    {
        framer.WriteFrame(message, _connection.Pipe.Output);
        await _connection.Pipe.Output.FlushAsync(token).ConfigureAwait(false);
    }

    private void OnSucceeded(Succeeded message)
    {
        _handedOver = true;
        Context.Parent.Tell(new HandshakeCompleted(Self, _connection, message.Outcome.Transport, message.Outcome.Peer));
        Context.Stop(Self);
    }

    private void OnFailed(Failed message)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        Fail(message.Error is ProtocolViolationException or TransportException or EndOfStreamException
            ? message.Error.Message
            : $"{message.Error.GetType().Name}: {message.Error.Message}");
    }

    private void Fail(string why)
    {
        _context.Counters.FailedHandshake();
        var direction = _inbound ? "from" : "to";
        Context.System.EventStream.Publish(new NodeWarning(_context.Now, $"{Self.Path}: handshake {direction} {_connection.RemoteEndpoint} failed: {why}"));
        Context.Stop(Self);
    }

    private sealed record HandshakeOutcome(LinkPeer Peer, LinkTransport Transport);

    private sealed record Succeeded(HandshakeOutcome Outcome);

    private sealed record Failed(Exception Error);
}
