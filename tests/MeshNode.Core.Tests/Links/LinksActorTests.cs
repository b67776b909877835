using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>The links supervisor: link actors named after their peer, and the bound on pending handshakes.</summary>
public sealed class LinksActorTests
{
    [Fact]
    public async Task A_link_is_named_after_its_peer_and_a_second_link_to_the_same_peer_gets_a_unique_name()
    {
        var network = new InMemoryNetwork(seed: 31);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var a = await LinkTestNodes.StartAsync(network.CreateTransport("host-a"), "a", idA, store);
        var recorder = new NodeRecorder(a);
        var path = $"/user/node/links/peer-{idPeer.Id.Short}";
        try
        {
            await using var first = await NoisePeer.LinkAsync(network.CreateTransport("host-p1"), a.ListenEndpoint, idPeer);
            await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);
            await first.SendEncryptedAsync([0xff, 0xff, 0xff, 0x01]);
            var firstWarning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("dropped a bad frame", StringComparison.Ordinal), MeshHarness.Timeout);
            Assert.StartsWith($"{path}:", firstWarning.Message, StringComparison.Ordinal);

            // The same peer dials again: both links live until the tie-break closes one.
            await using var second = await NoisePeer.LinkAsync(network.CreateTransport("host-p2"), a.ListenEndpoint, idPeer);
            await second.SendEncryptedAsync([0xff, 0xff, 0xff, 0x02]);
            var secondWarning = await recorder.WaitForAsync<NodeWarning>(
                w => w.Message.Contains("dropped a bad frame", StringComparison.Ordinal) && w != firstWarning, MeshHarness.Timeout);
            Assert.StartsWith($"{path}-", secondWarning.Message, StringComparison.Ordinal);

            var close = await first.ReceiveAsync<CloseFrame>();
            Assert.Equal(LinkCloseReason.DuplicateLink, close.Reason);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task Connections_beyond_max_pending_handshakes_are_refused_with_a_warning_until_a_handshake_ends()
    {
        var network = new InMemoryNetwork(seed: 32);
        var time = new ManualTimeProvider();
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var a = await LinkTestNodes.StartAsync(
            network.CreateTransport("host-a"), "a", idA, store, s => s with { Link = s.Link with { MaxPendingHandshakes = 2 } }, time);
        var recorder = new NodeRecorder(a);
        var idle = new List<ITransportConnection>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                idle.Add(await network.CreateTransport($"host-idle{i}").ConnectAsync(a.ListenEndpoint));
            }

            var refused = await network.CreateTransport("host-refused").ConnectAsync(a.ListenEndpoint);
            idle.Add(refused);

            await refused.Closed.WaitAsync(MeshHarness.Timeout);
            var warning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("mesh.link.max-pending-handshakes", StringComparison.Ordinal), MeshHarness.Timeout);
            Assert.StartsWith("/user/node/links: refused a connection from host-refused:", warning.Message, StringComparison.Ordinal);
            Assert.False(idle[0].Closed.IsCompleted);

            time.Advance(MeshNode.Config.MeshSettings.Defaults.Link.HandshakeTimeout);
            await idle[0].Closed.WaitAsync(MeshHarness.Timeout);
            await idle[1].Closed.WaitAsync(MeshHarness.Timeout);

            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);
        }
        finally
        {
            foreach (var connection in idle)
            {
                await connection.DisposeAsync();
            }

            await a.StopAsync();
        }
    }
}
