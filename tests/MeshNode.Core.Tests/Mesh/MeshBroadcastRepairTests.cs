using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>Broadcasts along the tree reach every node exactly once, also while links change.</summary>
public sealed class MeshBroadcastRepairTests
{
    [Fact]
    public async Task Broadcasts_sent_while_the_tie_break_replaces_a_link_all_arrive_once()
    {
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a");
        var b = await mesh.StartAsync("b", [a]);
        var c = await mesh.StartAsync("c", [b]);
        await Task.WhenAll(a.WaitUntilReachableAsync([b, c]), c.WaitUntilReachableAsync([a, b]));

        // a dials b as well: one of the two links between them is closed by the tie-break while a
        // sends; a broadcast handed to the losing link is repaired by the digest to the winner.
        var dial = a.Node.ConnectAsync(b.Node.ListenEndpoint);
        var sent = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            sent.Add((await a.Node.SendToAllAsync($"during {i}")).MessageId);
        }

        await dial;
        foreach (var node in new[] { b, c })
        {
            foreach (var id in sent)
            {
                await node.Recorder.WaitForAsync<ChatReceived>(m => m.MessageId == id, MeshHarness.Timeout);
            }
        }

        var barrier = await a.Node.SendToAllAsync("after");
        await c.Recorder.WaitForAsync<ChatReceived>(m => m.MessageId == barrier.MessageId, MeshHarness.Timeout);
        foreach (var node in new[] { b, c })
        {
            Assert.All(sent, id => Assert.Single(node.Recorder.All<ChatReceived>(m => m.MessageId == id)));
        }
    }

    [Fact]
    public async Task A_node_that_was_cut_off_pulls_the_broadcasts_it_missed_when_it_links_again()
    {
        await using var mesh = new MeshHarness();
        await mesh.StartLineAsync(3);
        var (n0, n1, n2) = (mesh[0], mesh[1], mesh[2]);

        var down = n1.Recorder.WaitForAsync<LinkDown>(d => d.NodeId == n2.Id, MeshHarness.Timeout, includePast: false);
        await n2.StopAsync();
        await down;
        var missed = await n0.Node.SendToAllAsync("while you were away");
        await n1.Recorder.WaitForAsync<ChatReceived>(m => m.MessageId == missed.MessageId, MeshHarness.Timeout);

        // Back within mesh.router.recent-broadcast-age: the new link's digest lists it, and it is pulled.
        var back = await mesh.StartAsync("n2", [n1], reuse: n2);
        var received = await back.Recorder.WaitForAsync<ChatReceived>(m => m.MessageId == missed.MessageId, MeshHarness.Timeout);
        Assert.Equal(2, received.Hops);
    }
}
