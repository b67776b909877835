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
    public async Task Direct_chat_follows_the_shortest_path_and_only_its_relays_carry_it()
    {
        await using var mesh = new MeshHarness();
        await mesh.StartLineAsync(5, ring: true);
        var relayedBefore = mesh.Nodes.Select(n => n.Counters.RelayedDirected).ToArray();

        // Reachable is not converged: wait until both ends see the short way (n0-n1-n2) in their graph.
        await mesh[0].Recorder.WaitForAsync<TopologyChanged>(t => ShortWay(t, mesh[2].Id, mesh[1].Id), MeshHarness.Timeout);
        await mesh[2].Recorder.WaitForAsync<TopologyChanged>(t => ShortWay(t, mesh[0].Id, mesh[1].Id), MeshHarness.Timeout);
        var sent = await mesh[0].Node.SendDirectAsync(mesh[2].Id, "short way");
        await mesh[0].Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == sent.MessageId, MeshHarness.Timeout);

        // Message and receipt both cross n1 (n0-n1-n2); the long way round (n4, n3) carries neither.
        Assert.Equal(2, mesh[1].Counters.RelayedDirected - relayedBefore[1]);
        Assert.Equal(0, mesh[3].Counters.RelayedDirected - relayedBefore[3]);
        Assert.Equal(0, mesh[4].Counters.RelayedDirected - relayedBefore[4]);
    }

    [Fact]
    public async Task Two_nodes_dialing_each_other_at_once_keep_one_link()
    {
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a");
        var b = await mesh.StartAsync("b", [a]);
        await a.Node.ConnectAsync(b.Node.ListenEndpoint);
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));

        // A direct message is retried until its receipt, so it also gets through while a duplicate link is being closed.
        var sent = await a.Node.SendDirectAsync(b.Id, "once");
        await a.Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == sent.MessageId, MeshHarness.Timeout);

        Assert.Single(b.Recorder.All<ChatReceived>(c => c.Text == "once"));
        var links = string.Join("\n", a.Recorder.Events.Concat(b.Recorder.Events).Where(e => e is LinkUp or LinkDown or NodeWarning));
        Assert.True(a.Recorder.All<LinkUp>().Count == 1, links);
        Assert.True(b.Recorder.All<LinkUp>().Count == 1, links);
        Assert.True(a.Recorder.All<LinkDown>().Count == 0, links);
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

    [Fact]
    public async Task The_outbox_survives_a_restart_of_the_sender()
    {
        var profile = Directory.CreateTempSubdirectory("meshnode-outbox-").FullName;
        try
        {
            await using var mesh = new MeshHarness();
            var sender = await mesh.StartAsync("sender", profileDirectory: profile);
            var away = await mesh.StartAsync("away", [sender]);
            await Task.WhenAll(sender.WaitUntilReachableAsync([away]), away.WaitUntilReachableAsync([sender]));
            var gone = sender.Recorder.WaitForAsync<TopologyChanged>(
                t => !t.Topology.Nodes.Any(n => n.NodeId == away.Id && n.Hops is not null), MeshHarness.Timeout, includePast: false);
            await away.StopAsync();
            await gone;

            var sent = await sender.Node.SendDirectAsync(away.Id, "kept on disk");
            Assert.True(sent.Queued);
            await sender.StopAsync();

            var senderAgain = await mesh.StartAsync("sender", reuse: sender, profileDirectory: profile);
            var awayAgain = await mesh.StartAsync("away", [senderAgain], reuse: away);

            var received = await awayAgain.Recorder.WaitForAsync<ChatReceived>(c => c.Text == "kept on disk", MeshHarness.Timeout);
            Assert.Equal(sent.MessageId, received.MessageId);
            await senderAgain.Recorder.WaitForAsync<ChatDelivered>(d => d.MessageId == sent.MessageId, MeshHarness.Timeout);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static bool ShortWay(TopologyChanged changed, string target, string via) =>
        changed.Topology.Nodes.Any(n => n.NodeId == target && n.Hops == 2 && n.NextHop == via);
}
