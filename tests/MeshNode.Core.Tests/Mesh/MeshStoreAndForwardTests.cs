using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>Store-and-forward at relays (DESIGN section 4) over real loopback TCP.</summary>
public sealed class MeshStoreAndForwardTests
{
    [Fact]
    public async Task Relays_hold_a_message_for_an_away_node_and_deliver_it_once_when_it_returns_after_the_sender_left()
    {
        await using var mesh = new MeshHarness();
        var r1 = await mesh.StartAsync("r1");
        var r2 = await mesh.StartAsync("r2", [r1]);
        var away = await mesh.StartAsync("away", [r1, r2]);
        await Task.WhenAll(r1.WaitUntilReachableAsync([r2, away]), r2.WaitUntilReachableAsync([r1, away]));

        // The node leaves every other node: neither relay has a path to it any more.
        var gone = new[] { r1, r2 }.Select(r => r.Recorder.WaitForAsync<TopologyChanged>(
            t => t.Topology.Nodes.All(n => n.NodeId != away.Id || n.Hops is null), MeshHarness.Timeout, includePast: false)).ToArray();
        await away.StopAsync();
        await Task.WhenAll(gone);

        // A sender that is linked to r1 only sends it a direct message, then a broadcast as a barrier:
        // frames are handled in order, so once both relays show the broadcast they hold the message.
        var sender = await RoguePeer.ConnectAsync(r1.Node.ListenEndpoint);
        await r1.Recorder.WaitForAsync<LinkUp>(l => l.NodeId == sender.Identity.Id.ToString(), MeshHarness.Timeout);
        var held = Envelope(sender.Identity, away.Identity.Id, new ChatBody("held for you", 1, ChatScope.Direct));
        await sender.SendAsync(new EnvelopeFrame(held.Encoded));
        await sender.SendAsync(new EnvelopeFrame(Envelope(sender.Identity, null, new ChatBody("barrier", 2, ChatScope.All)).Encoded));
        await Task.WhenAll(new[] { r1, r2 }.Select(r => r.Recorder.WaitForAsync<ChatReceived>(c => c.Text == "barrier", MeshHarness.Timeout)));
        await sender.DisposeAsync();

        // It comes back next to both relays; both hand it their copy, and it shows the message once.
        var back = await mesh.StartAsync("away", [r1, r2], reuse: away);
        var received = await back.Recorder.WaitForAsync<ChatReceived>(c => c.Text == "held for you", MeshHarness.Timeout);
        Assert.Equal(held.Id.ToString(), received.MessageId);
        Assert.Equal(sender.Identity.Id.ToString(), received.FromId);
        // Whichever relay links to it first delivers: r1's copy has come 2 hops, r2's 3.
        Assert.InRange(received.Hops, 2, 3);

        // Barrier: each relay's later broadcast crosses the same link after its held copy.
        await back.WaitUntilReachableAsync([r1, r2]);
        var after1 = await r1.Node.SendToAllAsync("after r1");
        var after2 = await r2.Node.SendToAllAsync("after r2");
        await back.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == after1.MessageId, MeshHarness.Timeout);
        await back.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == after2.MessageId, MeshHarness.Timeout);
        Assert.Single(back.Recorder.All<ChatReceived>(c => c.Text == "held for you"));
    }

    private static VerifiedEnvelope Envelope(NodeIdentity origin, NodeId? destination, ChatBody chat)
    {
        var (type, body) = BodyCodec.Encode(chat);
        return EnvelopeCodec.Create(
            origin, new EnvelopeDraft(destination, type, EnvelopeProtection.Link, body, 8), TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);
    }
}
