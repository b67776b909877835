using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshKeyChangeTests
{
    [Fact]
    public async Task A_known_name_back_with_a_new_key_is_flagged_until_trusted_and_a_wrong_fingerprint_is_refused()
    {
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a");
        var b = await mesh.StartAsync("b", [a]);
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));
        var before = await b.Node.SendToAllAsync("hi, it is b");
        Assert.False((await a.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == before.MessageId, MeshHarness.Timeout)).FromChangedKey);

        // b comes back under the same name with a new identity (a lost profile, or someone else).
        var down = a.Recorder.WaitForAsync<LinkDown>(d => d.NodeId == b.Id, MeshHarness.Timeout, includePast: false);
        await b.StopAsync();
        await down;
        var b2 = await mesh.StartAsync("b", [a]);

        var changed = await a.Recorder.WaitForAsync<KeyChanged>(k => k.NodeId == b2.Id, MeshHarness.Timeout);
        Assert.Equal("b", changed.Name);
        Assert.Equal(b.Node.Fingerprint, changed.OldFingerprint);
        Assert.Equal(b2.Node.Fingerprint, changed.NewFingerprint);
        await b2.WaitUntilReachableAsync([a]);

        var flagged = await ReceiveAsync(a, b2, "it is me, new laptop");
        Assert.True(flagged.FromChangedKey);
        var direct = await b2.Node.SendDirectAsync("a", "really me");
        Assert.True((await a.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == direct.MessageId, MeshHarness.Timeout)).FromChangedKey);
        Assert.Equal("key-changed", (await a.Node.GetPeersAsync()).Single(p => p.NodeId == b2.Id).Trust);

        // Wrong fingerprints are refused and change nothing: by name (two peers are called b) and by id.
        var byName = await Assert.ThrowsAsync<NodeCommandException>(() => a.Node.TrustAsync("b", a.Node.Fingerprint));
        Assert.Contains("nothing was trusted", byName.Message, StringComparison.Ordinal);
        var byId = await Assert.ThrowsAsync<NodeCommandException>(() => a.Node.TrustAsync(b2.Id, b.Node.Fingerprint));
        Assert.Contains("not b's current key", byId.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NodeCommandException>(() => a.Node.TrustAsync("b", "   "));
        Assert.True((await ReceiveAsync(a, b2, "still flagged?")).FromChangedKey);

        await a.Node.TrustAsync("b", b2.Node.Fingerprint.ToUpperInvariant());

        Assert.False((await ReceiveAsync(a, b2, "trusted now")).FromChangedKey);
        Assert.Equal("pinned", (await a.Node.GetPeersAsync()).Single(p => p.NodeId == b2.Id).Trust);
        var history = await a.Node.GetHistoryAsync(null, 20);
        Assert.True(history.Single(h => h.Text == "it is me, new laptop").FromChangedKey);
        Assert.False(history.Single(h => h.Text == "trusted now").FromChangedKey);
        Assert.Single(a.Recorder.All<KeyChanged>(k => k.NodeId == b2.Id));
    }

    private static async Task<ChatReceived> ReceiveAsync(RunningNode to, RunningNode from, string text)
    {
        var sent = await from.Node.SendToAllAsync(text);
        return await to.Recorder.WaitForAsync<ChatReceived>(c => c.MessageId == sent.MessageId, MeshHarness.Timeout);
    }
}
