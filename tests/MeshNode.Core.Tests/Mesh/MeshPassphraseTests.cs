using MeshNode.Core.Node;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshPassphraseTests
{
    private static readonly byte[] Salt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    [Fact]
    public async Task Nodes_with_the_passphrase_chat_at_network_level_and_a_node_without_it_cannot_link()
    {
        using var key = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
        using var otherKey = NetworkKey.Derive("wrong horse", Salt, NetworkKey.MinIterations);
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a", network: key);
        var b = await mesh.StartAsync("b", [a], network: key);
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));

        var sent = await a.Node.SendToAllAsync("members only");
        var received = await b.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == sent.MessageId, MeshHarness.Timeout);
        Assert.Equal("network", received.Security);

        var open = await mesh.StartAsync("open", [a]);
        var wrong = await mesh.StartAsync("wrong", [a], network: otherKey);
        await open.Recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("handshake", StringComparison.Ordinal), MeshHarness.Timeout);
        await wrong.Recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("handshake", StringComparison.Ordinal), MeshHarness.Timeout);

        var after = await a.Node.SendToAllAsync("still members only");
        await b.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == after.MessageId, MeshHarness.Timeout);
        Assert.Empty(open.Recorder.All<LinkUp>());
        Assert.Empty(wrong.Recorder.All<LinkUp>());
        Assert.Empty(open.Recorder.All<ChatReceived>());
        Assert.Empty(wrong.Recorder.All<ChatReceived>());
        Assert.DoesNotContain(a.Recorder.All<LinkUp>(), l => l.NodeId == open.Id || l.NodeId == wrong.Id);
    }
}
