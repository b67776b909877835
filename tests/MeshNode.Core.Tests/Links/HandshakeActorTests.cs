using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>The handshake deadline (<c>mesh.link.handshake-timeout</c>) on a virtual clock.</summary>
public sealed class HandshakeActorTests
{
    private static readonly TimeSpan HandshakeTimeout = MeshNode.Config.MeshSettings.Defaults.Link.HandshakeTimeout;

    [Fact]
    public async Task A_silent_connection_and_one_stalled_mid_handshake_are_closed_after_the_timeout_and_warned_while_others_still_link()
    {
        var network = new InMemoryNetwork(seed: 21);
        var time = new ManualTimeProvider();
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idStalled = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idHonest = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idLater = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var a = await LinkTestNodes.StartAsync(network.CreateTransport("host-a"), "a", idA, store, time: time);
        var recorder = new NodeRecorder(a);
        var counters = ((MeshNodeInstance)a).Counters;
        try
        {
            var silent = await network.CreateTransport("host-silent").ConnectAsync(a.ListenEndpoint);
            await using var stalled = await NoisePeer.ConnectAsync(network.CreateTransport("host-stalled"), a.ListenEndpoint, idStalled);
            using (var handshake = stalled.StartHandshake())
            {
                await stalled.SendRawAsync(handshake.WriteNext());
                // Message 2 came back: the node now waits for message 3, which never comes.
                handshake.ReadNext(await stalled.ReadRawAsync());
            }

            await using (var honest = await NoisePeer.LinkAsync(network.CreateTransport("host-honest"), a.ListenEndpoint, idHonest))
            {
                await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idHonest.Id.ToString(), MeshHarness.Timeout);
            }

            time.Advance(HandshakeTimeout - TimeSpan.FromMilliseconds(1));
            Assert.False(silent.Closed.IsCompleted);
            Assert.Equal(0, counters.FailedHandshakes);

            time.Advance(TimeSpan.FromMilliseconds(1));

            await silent.Closed.WaitAsync(MeshHarness.Timeout);
            await stalled.Closed.WaitAsync(MeshHarness.Timeout);
            foreach (var host in new[] { "host-silent", "host-stalled" })
            {
                var warning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains($"from {host}:", StringComparison.Ordinal), MeshHarness.Timeout);
                Assert.StartsWith("/user/node/links/handshake-", warning.Message, StringComparison.Ordinal);
                Assert.Contains("timed out after 5 s (mesh.link.handshake-timeout)", warning.Message, StringComparison.Ordinal);
            }

            Assert.Equal(2, counters.FailedHandshakes);
            await silent.DisposeAsync();

            await using var later = await NoisePeer.LinkAsync(network.CreateTransport("host-later"), a.ListenEndpoint, idLater);
            await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idLater.Id.ToString(), MeshHarness.Timeout);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task A_dialed_peer_that_never_answers_times_out_with_a_warning_naming_the_handshake_actor()
    {
        var network = new InMemoryNetwork(seed: 23);
        var time = new ManualTimeProvider();
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        await using var mute = await network.CreateTransport("host-mute").ListenAsync(new TransportEndpoint("host-mute", 7000));
        var a = await LinkTestNodes.StartAsync(network.CreateTransport("host-a"), "a", idA, store, time: time);
        var recorder = new NodeRecorder(a);
        try
        {
            await a.ConnectAsync(mute.LocalEndpoint);
            await using var first = await mute.AcceptAsync().AsTask().WaitAsync(MeshHarness.Timeout);
            // The node's message 1 arrived: its handshake actor runs and the deadline is armed.
            await first.Pipe.Input.ReadAsync().AsTask().WaitAsync(MeshHarness.Timeout);

            time.Advance(HandshakeTimeout);

            var warning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("to host-mute:7000", StringComparison.Ordinal), MeshHarness.Timeout);
            Assert.StartsWith("/user/node/links/handshake-", warning.Message, StringComparison.Ordinal);
            Assert.Contains("timed out after 5 s (mesh.link.handshake-timeout)", warning.Message, StringComparison.Ordinal);
            await first.Closed.WaitAsync(MeshHarness.Timeout);
            Assert.Equal(1, ((MeshNodeInstance)a).Counters.FailedHandshakes);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task A_handshake_that_completes_in_time_is_not_cut_by_its_deadline()
    {
        var network = new InMemoryNetwork(seed: 22);
        var time = new ManualTimeProvider();
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        // Keepalive far apart, so advancing the clock past the handshake deadline does not make the link dead.
        var a = await LinkTestNodes.StartAsync(
            network.CreateTransport("host-a"),
            "a",
            idA,
            store,
            s => s with { Link = s.Link with { KeepaliveInterval = TimeSpan.FromMinutes(30), DeadLinkTimeout = TimeSpan.FromHours(1) } },
            time);
        var recorder = new NodeRecorder(a);
        try
        {
            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);

            // Past the deadline: the link still answers.
            time.Advance(HandshakeTimeout + TimeSpan.FromSeconds(1));
            await peer.SendAsync(new MeshNode.Protocol.Framing.PingFrame(1, 0));
            await peer.ReceiveAsync<MeshNode.Protocol.Framing.PongFrame>();

            Assert.Equal(0, ((MeshNodeInstance)a).Counters.FailedHandshakes);
            Assert.DoesNotContain(recorder.All<NodeWarning>(), w => w.Message.Contains("handshake", StringComparison.Ordinal));
        }
        finally
        {
            await a.StopAsync();
        }
    }
}
