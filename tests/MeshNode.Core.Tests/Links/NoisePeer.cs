using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>
/// A hand-driven peer over any transport: a real Noise handshake (or only part of one), then frames
/// the test writes and reads itself, so it can withhold credit, exceed it, or stall mid-handshake.
/// </summary>
internal sealed class NoisePeer : IAsyncDisposable
{
    private readonly ITransportConnection _connection;
    private readonly LengthPrefixFramer _framer = new(LengthPrefixFramer.AbsoluteMaxFrameSize);
    private readonly PipeFrameReader _reader;
    private LinkTransport? _transport;

    private NoisePeer(ITransportConnection connection, NodeIdentity identity)
    {
        _connection = connection;
        Identity = identity;
        _reader = new PipeFrameReader(connection.Pipe.Input, _framer);
    }

    public NodeIdentity Identity { get; }

    public Task<TransportClosure> Closed => _connection.Closed;

    /// <summary>Connects and does nothing else (the handshake is up to the test).</summary>
    public static async Task<NoisePeer> ConnectAsync(ITransport transport, TransportEndpoint endpoint, NodeIdentity identity) =>
        new(await transport.ConnectAsync(endpoint), identity);

    /// <summary>Connects and completes the handshake as initiator.</summary>
    public static async Task<NoisePeer> LinkAsync(ITransport transport, TransportEndpoint endpoint, NodeIdentity identity)
    {
        var peer = await ConnectAsync(transport, endpoint, identity);
        using var handshake = peer.StartHandshake();
        await peer.SendRawAsync(handshake.WriteNext());
        var step = handshake.ReadNext(await peer.ReadRawAsync());
        await peer.SendRawAsync(step.Outgoing!);
        peer._transport = LinkTransport.From(step.Result!);
        return peer;
    }

    /// <summary>A handshake for this peer's identity, to drive by hand (the caller disposes it).</summary>
    public LinkHandshake StartHandshake() =>
        LinkHandshake.Initiator(new LinkHandshakeSettings { Identity = Identity, DisplayName = "noise-peer", Network = null });

    /// <summary>A signed broadcast chat envelope from this peer.</summary>
    public VerifiedEnvelope Broadcast(string text)
    {
        var (type, bytes) = BodyCodec.Encode(new ChatBody(text, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), ChatScope.All));
        return EnvelopeCodec.Create(
            Identity,
            new EnvelopeDraft(null, type, EnvelopeProtection.Link, bytes, 8),
            TimeProvider.System,
            SystemRandomSource.Instance,
            EnvelopeLimits.Default);
    }

    public Task SendAsync(LinkMessage message) => SendAllAsync([message]);

    /// <summary>Writes every frame, then flushes once: they reach the node as one burst.</summary>
    public async Task SendAllAsync(IEnumerable<LinkMessage> messages)
    {
        foreach (var message in messages)
        {
            _framer.WriteFrame(_transport!.Encrypt(LinkFrameCodec.Encode(message)), _connection.Pipe.Output);
        }

        await _connection.Pipe.Output.FlushAsync();
    }

    public Task SendEncryptedAsync(byte[] plaintext) => SendRawAsync(_transport!.Encrypt(plaintext));

    public async Task SendRawAsync(byte[] payload)
    {
        _framer.WriteFrame(payload, _connection.Pipe.Output);
        await _connection.Pipe.Output.FlushAsync();
    }

    public async Task<byte[]> ReadRawAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Mesh.MeshHarness.Timeout);
        return await _reader.ReadFrameAsync(cts.Token) ?? throw new EndOfStreamException("the node closed the connection");
    }

    /// <summary>The next link frame from the node; throws <see cref="EndOfStreamException"/> when it closed.</summary>
    public async Task<LinkMessage> ReceiveAsync(TimeSpan? timeout = null) =>
        LinkFrameCodec.Decode(_transport!.Decrypt(await ReadRawAsync(timeout)), LinkFrameLimits.Default);

    /// <summary>Reads frames until one of type <typeparamref name="T"/> matches, skipping the rest.</summary>
    public async Task<T> ReceiveAsync<T>(Func<T, bool>? match = null)
        where T : LinkMessage
    {
        while (true)
        {
            if (await ReceiveAsync() is T found && (match is null || match(found)))
            {
                return found;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Abort("test over");
        _transport?.Dispose();
        await _connection.DisposeAsync();
    }
}
