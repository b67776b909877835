using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshLineTests : IAsyncLifetime
{
    private readonly MeshHarness _mesh = new();

    public Task InitializeAsync() => _mesh.StartLineAsync(5);

    public Task DisposeAsync() => _mesh.DisposeAsync().AsTask();

    [Fact]
    public async Task Five_node_line_delivers_a_broadcast_to_every_node_exactly_once()
    {
        var first = await _mesh[0].Node.SendToAllAsync("hello line");
        var marker = await _mesh[0].Node.SendToAllAsync("marker");

        for (var i = 1; i < 5; i++)
        {
            var received = await _mesh[i].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == first.MessageId, MeshHarness.Timeout);
            Assert.Equal("hello line", received.Text);
            Assert.Equal("all", received.Scope);
            Assert.Equal(i, received.Hops);
            Assert.Equal(_mesh[0].Id, received.FromId);
            await _mesh[i].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == marker.MessageId, MeshHarness.Timeout);
        }

        foreach (var node in _mesh.Nodes)
        {
            Assert.True(node.Recorder.All<ChatReceived>(c => c.MessageId == first.MessageId).Count <= 1);
        }

        Assert.Empty(_mesh[0].Recorder.All<ChatReceived>());
    }

    [Fact]
    public async Task Direct_chat_crosses_four_hops_sealed_end_to_end_with_a_receipt()
    {
        var sent = await _mesh[0].Node.SendDirectAsync(_mesh[4].Id, "psst");

        var received = await _mesh[4].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == sent.MessageId, MeshHarness.Timeout);
        Assert.Equal("psst", received.Text);
        Assert.Equal("direct", received.Scope);
        Assert.Equal("e2e", received.Security);
        Assert.Equal(4, received.Hops);
        Assert.False(sent.Queued);

        var delivered = await _mesh[0].Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == sent.MessageId, MeshHarness.Timeout);
        Assert.Equal(_mesh[4].Id, delivered.ToId);
        for (var relay = 1; relay < 4; relay++)
        {
            Assert.DoesNotContain(_mesh[relay].Recorder.All<ChatReceived>(), c => c.Text == "psst");
        }
    }

    [Fact]
    public async Task Direct_chat_by_name_resolves_the_peer()
    {
        var sent = await _mesh[1].Node.SendDirectAsync("n3", "by name");

        var received = await _mesh[3].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == sent.MessageId, MeshHarness.Timeout);
        Assert.Equal(2, received.Hops);
        await Assert.ThrowsAsync<NodeCommandException>(() => _mesh[1].Node.SendDirectAsync("nobody-here", "x"));
    }

    [Fact]
    public async Task Status_and_history_show_links_security_and_both_sides_of_a_conversation()
    {
        var status = await _mesh[1].Node.GetStatusAsync();
        Assert.Equal("open", status.Security);
        Assert.Equal(2, status.Links);
        Assert.Equal(0, status.Outbox);

        var all = await _mesh[0].Node.SendToAllAsync("for the record");
        var direct = await _mesh[0].Node.SendDirectAsync(_mesh[2].Id, "just you");
        await _mesh[2].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == all.MessageId, MeshHarness.Timeout);
        await _mesh[2].Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == direct.MessageId, MeshHarness.Timeout);
        await _mesh[0].Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == direct.MessageId, MeshHarness.Timeout);

        var everyone = await _mesh[2].Node.GetHistoryAsync(null, 10);
        var broadcast = Assert.Single(everyone, h => h.MessageId == all.MessageId);
        Assert.Equal(("all", "n0", "for the record", 2, false), (broadcast.Conversation, broadcast.FromName, broadcast.Text, broadcast.Hops, broadcast.Outgoing));

        var received = Assert.Single(await _mesh[2].Node.GetHistoryAsync("n0", 10));
        Assert.Equal(("e2e", "just you", _mesh[0].Id), (received.Security, received.Text, received.Conversation));

        // The sender's side: its own message, marked delivered once the receipt arrived.
        var sentSide = await _mesh[0].Node.GetHistoryAsync(_mesh[2].Id, 10);
        Assert.Contains(sentSide, h => h.MessageId == direct.MessageId && h.Outgoing && h.Delivered);
        await Assert.ThrowsAsync<NodeCommandException>(() => _mesh[0].Node.GetHistoryAsync("nobody-here", 10));
    }

    [Fact]
    public async Task Trace_and_peers_show_the_path_and_hop_counts_of_the_line()
    {
        var trace = await _mesh[0].Node.TraceAsync("n4");
        Assert.Equal(_mesh.Nodes.Skip(1).Select(n => n.Name), trace.Hops);

        var peers = await _mesh[0].Node.GetPeersAsync();
        var n4 = Assert.Single(peers, p => p.NodeId == _mesh[4].Id);
        Assert.Equal(4, n4.Hops);
        Assert.False(n4.Linked);
        Assert.True(n4.Online);
        var n1 = Assert.Single(peers, p => p.NodeId == _mesh[1].Id);
        Assert.True(n1.Linked);
        Assert.Equal(1, n1.Hops);
    }
}
