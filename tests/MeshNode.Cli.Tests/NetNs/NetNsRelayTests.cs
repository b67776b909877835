using System.Text.Json;
using MeshNode.Core.Tests.NetNs;

namespace MeshNode.Cli.Tests.NetNs;

/// <summary>
/// A line of simulated machines over two bridges: the host on both is the only way between the
/// others, so chat between the ends must be relayed by it.
/// </summary>
public sealed class NetNsRelayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [NetNsFact("dotnet", "bash", "timeout")]
    public async Task A_host_on_two_bridges_relays_chat_between_hosts_that_cannot_reach_each_other()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(12);
        await lab.AddBridgeAsync(13);
        var a = await lab.AddHostAsync("a", (12, 1));
        var b = await lab.AddHostAsync("b", (12, 2), (13, 2));
        var c = await lab.AddHostAsync("c", (13, 3));
        Assert.False(await ReachesAsync(lab, a, c.Address), "a must not reach c directly.");
        Assert.True(await ReachesAsync(lab, a, b.Addresses[0]), "a must reach b.");
        Assert.True(await ReachesAsync(lab, c, b.Addresses[1]), "c must reach b.");

        await using var nodeA = NetNsNode.Start(lab, a, "a");
        await using var nodeB = NetNsNode.Start(lab, b, "b");
        await using var nodeC = NetNsNode.Start(lab, c, "c");
        var startedA = await nodeA.WaitForAsync("node_started", _ => true, Timeout, "node_started");
        var startedC = await nodeC.WaitForAsync("node_started", _ => true, Timeout, "node_started");
        var idA = startedA.GetProperty("node_id").GetString()!;
        var idC = startedC.GetProperty("node_id").GetString()!;

        await nodeB.WaitForAsync("link_up", e => HasName(e, "a"), Timeout, "link_up with a");
        await nodeB.WaitForAsync("link_up", e => HasName(e, "c"), Timeout, "link_up with c");
        await nodeA.WaitForAsync("link_up", e => HasName(e, "b"), Timeout, "link_up with b");
        await nodeC.WaitForAsync("link_up", e => HasName(e, "b"), Timeout, "link_up with b");

        // Settled: each end has heard the other's link-state, which only b can have carried.
        await nodeA.WaitForAsync("topology_changed", e => KnowsNode(e, idC), Timeout, "topology with c");
        await nodeC.WaitForAsync("topology_changed", e => KnowsNode(e, idA), Timeout, "topology with a");

        await nodeA.SendAsync("/all over the bridge");
        JsonElement broadcast;
        try
        {
            broadcast = await nodeC.WaitForAsync("chat_received", e => e.GetProperty("text").GetString() == "over the bridge", Timeout, "a's broadcast");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n== a:\n{string.Join('\n', nodeA.Output.Lines)}\n== b:\n{string.Join('\n', nodeB.Output.Lines)}", ex);
        }

        Assert.Equal(idA, broadcast.GetProperty("from_id").GetString());
        Assert.Equal(2, broadcast.GetProperty("hops").GetInt32());

        await nodeA.SendAsync($"/msg {idC} just for c");
        var direct = await nodeC.WaitForAsync("chat_received", e => e.GetProperty("text").GetString() == "just for c", Timeout, "a's direct message");
        Assert.Equal("direct", direct.GetProperty("scope").GetString());
        Assert.Equal("e2e", direct.GetProperty("security").GetString());
        Assert.Equal(idA, direct.GetProperty("from_id").GetString());
        Assert.Equal(0, nodeB.Output.Count(e => e.GetProperty("event").GetString() == "chat_received" && e.GetProperty("text").GetString() == "just for c"));
    }

    private static bool HasName(JsonElement e, string name) =>
        e.TryGetProperty("name", out var n) && n.GetString() == name;

    private static bool KnowsNode(JsonElement e, string nodeId) =>
        e.TryGetProperty("nodes", out var nodes)
        && nodes.EnumerateArray().Any(n => n.GetProperty("node_id").GetString() == nodeId);

    /// <summary>
    /// A TCP connect with bash to a closed port: "Connection refused" proves the SYN reached the
    /// host and its reset came back; anything else (unreachable, timeout) means no path.
    /// </summary>
    private static async Task<bool> ReachesAsync(NetNsLab lab, NetNsHost from, string address)
    {
        var probe = await lab.ExecAsync(from, "timeout", "5", "bash", "-c", $"exec 3<>/dev/tcp/{address}/9");
        return probe.StandardError.Contains("Connection refused", StringComparison.Ordinal);
    }
}
