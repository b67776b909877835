using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>A hand-driven peer: does a real handshake, then sends whatever bytes a test wants.</summary>
internal sealed class RoguePeer : IAsyncDisposable
{
    private readonly ITransportConnection _connection;
    private readonly LengthPrefixFramer _framer = new(LengthPrefixFramer.AbsoluteMaxFrameSize);
    private readonly PipeFrameReader _reader;
    private LinkTransport? _transport;

    private RoguePeer(ITransportConnection connection, NodeIdentity identity)
    {
        _connection = connection;
        Identity = identity;
        _reader = new PipeFrameReader(connection.Pipe.Input, _framer);
    }

    public NodeIdentity Identity { get; }

    public Task<TransportClosure> Closed => _connection.Closed;

    public static async Task<RoguePeer> ConnectAsync(TransportEndpoint endpoint, NetworkKey? network = null)
    {
        var connection = await new TcpTransport().ConnectAsync(endpoint);
        var peer = new RoguePeer(connection, NodeIdentity.Generate(SystemRandomSource.Instance));
        using var handshake = LinkHandshake.Initiator(new LinkHandshakeSettings { Identity = peer.Identity, DisplayName = "rogue", Network = network });
        await peer.SendRawAsync(handshake.WriteNext());
        var frame = await peer._reader.ReadFrameAsync() ?? throw new EndOfStreamException("closed during handshake");
        var step = handshake.ReadNext(frame);
        await peer.SendRawAsync(step.Outgoing!);
        peer._transport = LinkTransport.From(step.Result!);
        return peer;
    }

    public Task SendAsync(LinkMessage message) => SendRawAsync(_transport!.Encrypt(LinkFrameCodec.Encode(message)));

    public Task SendEncryptedAsync(byte[] plaintext) => SendRawAsync(_transport!.Encrypt(plaintext));

    public async Task SendRawAsync(byte[] payload)
    {
        _framer.WriteFrame(payload, _connection.Pipe.Output);
        await _connection.Pipe.Output.FlushAsync();
    }

    public async Task SendRawBytesAsync(byte[] bytes)
    {
        await _connection.Pipe.Output.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Abort("test over");
        _transport?.Dispose();
        Identity.Dispose();
        await _connection.DisposeAsync();
    }
}
