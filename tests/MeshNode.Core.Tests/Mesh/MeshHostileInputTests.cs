using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshHostileInputTests : IAsyncLifetime
{
    private readonly MeshHarness _mesh = new();

    public Task InitializeAsync() => _mesh.StartLineAsync(2);

    public Task DisposeAsync() => _mesh.DisposeAsync().AsTask();

    [Fact]
    public async Task Forged_and_replayed_envelopes_are_dropped_and_counted_and_the_link_stays_up()
    {
        var target = _mesh[0];
        await using var rogue = await RoguePeer.ConnectAsync(target.Node.ListenEndpoint);
        var envelope = Broadcast(rogue, "from the rogue");

        await rogue.SendAsync(new EnvelopeFrame(envelope.Encoded));
        await target.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == envelope.Id.ToString(), MeshHarness.Timeout);

        await rogue.SendAsync(new EnvelopeFrame(envelope.Encoded));
        var forged = envelope.Encoded.ToArray();
        forged[^3] ^= 0x55;
        await rogue.SendAsync(new EnvelopeFrame(forged));
        var marker = Broadcast(rogue, "marker");
        await rogue.SendAsync(new EnvelopeFrame(marker.Encoded));

        await target.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == marker.Id.ToString(), MeshHarness.Timeout);
        Assert.Single(target.Recorder.All<ChatReceived>(c => c.MessageId == envelope.Id.ToString()));
        Assert.Equal(1, target.Counters.RejectedEnvelopes);
        Assert.True(target.Counters.DuplicateEnvelopes >= 1);
        await _mesh[1].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == marker.Id.ToString(), MeshHarness.Timeout);
        Assert.Single(_mesh[1].Recorder.All<ChatReceived>(c => c.MessageId == envelope.Id.ToString()));
    }

    [Fact]
    public async Task A_frame_that_does_not_decode_is_dropped_and_the_link_stays_up()
    {
        var target = _mesh[0];
        await using var rogue = await RoguePeer.ConnectAsync(target.Node.ListenEndpoint);
        await rogue.SendEncryptedAsync([0xff, 0xff, 0xff, 0x01, 0x02]);
        var marker = Broadcast(rogue, "still here");
        await rogue.SendAsync(new EnvelopeFrame(marker.Encoded));

        await target.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == marker.Id.ToString(), MeshHarness.Timeout);
        Assert.Equal(1, target.Counters.RejectedFrames);
    }

    [Fact]
    public async Task A_bad_MAC_closes_only_that_link_and_the_node_keeps_working()
    {
        var target = _mesh[0];
        await using var rogue = await RoguePeer.ConnectAsync(target.Node.ListenEndpoint);
        await rogue.SendRawAsync(new byte[64]);

        await rogue.Closed.WaitAsync(MeshHarness.Timeout);
        await AssertMeshStillWorksAsync();
    }

    [Fact]
    public async Task An_oversized_length_prefix_and_garbage_before_the_handshake_do_not_hurt_the_node()
    {
        var target = _mesh[0];
        var connection = await new MeshNode.Core.Transport.TcpTransport().ConnectAsync(target.Node.ListenEndpoint);
        await connection.Pipe.Output.WriteAsync(new byte[] { 0xff, 0xff, 1, 2, 3 });
        await connection.Pipe.Output.WriteAsync(new byte[] { 0x00, 0x03, 1, 2, 3 });
        await connection.Closed.WaitAsync(MeshHarness.Timeout);
        await connection.DisposeAsync();

        await AssertMeshStillWorksAsync();
        Assert.True(target.Counters.FailedHandshakes >= 1);
    }

    private async Task AssertMeshStillWorksAsync()
    {
        var sent = await _mesh[1].Node.SendToAllAsync("alive?");
        await _mesh[0].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == sent.MessageId, MeshHarness.Timeout);
    }

    private static VerifiedEnvelope Broadcast(RoguePeer rogue, string text)
    {
        var (type, bytes) = BodyCodec.Encode(new ChatBody(text, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), ChatScope.All));
        return EnvelopeCodec.Create(
            rogue.Identity,
            new EnvelopeDraft(null, type, EnvelopeProtection.Link, bytes, 8),
            TimeProvider.System,
            SystemRandomSource.Instance,
            EnvelopeLimits.Default);
    }
}
