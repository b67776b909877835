using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshResilienceTests
{
    [Fact]
    public async Task A_ring_reroutes_direct_chat_within_three_seconds_when_a_node_dies()
    {
        await using var mesh = new MeshHarness();
        await mesh.StartLineAsync(5, ring: true);
        var n0 = mesh[0];
        var n2 = mesh[2];
        var before = await n0.Node.SendDirectAsync(n2.Id, "before");
        Assert.Equal(2, (await n2.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == before.MessageId, MeshHarness.Timeout)).Hops);

        var linkDown = n0.Recorder.WaitForAsync<LinkDown>(d => d.NodeId == mesh[1].Id, MeshHarness.Timeout, includePast: false);
        await mesh[1].StopAsync();
        await linkDown;

        var after = await n0.Node.SendDirectAsync(n2.Id, "after");
        var received = await n2.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == after.MessageId, TimeSpan.FromSeconds(3));
        Assert.Equal(3, received.Hops);
        await n0.Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == after.MessageId, MeshHarness.Timeout);
    }

    [Fact]
    public async Task A_message_to_an_away_node_is_delivered_when_it_returns()
    {
        await using var mesh = new MeshHarness();
        await mesh.StartLineAsync(3);
        var n0 = mesh[0];
        var away = mesh[2];
        var gone = n0.Recorder.WaitForAsync<TopologyChanged>(
            t => !t.Topology.Nodes.Any(n => n.NodeId == away.Id && n.Hops is not null), MeshHarness.Timeout, includePast: false);
        await away.StopAsync();
        await gone;

        var sent = await n0.Node.SendDirectAsync(away.Id, "while you were out");
        Assert.True(sent.Queued);
        await n0.Recorder.WaitForAsync<ChatQueued>(q => q.MessageId == sent.MessageId, MeshHarness.Timeout);

        var back = await mesh.StartAsync("n2-again", [mesh[1]], reuse: away);
        var received = await back.Recorder.WaitForAsync<ChatReceived>(c => c.Text == "while you were out", MeshHarness.Timeout);
        Assert.Equal("e2e", received.Security);
        await n0.Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == sent.MessageId, MeshHarness.Timeout);
    }
}
