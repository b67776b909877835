using System.Text.Json;
using MeshNode.Core.Tests.NetNs;

namespace MeshNode.Cli.Tests.NetNs;

/// <summary>
/// The real program on separate simulated machines (network namespaces on bridges): discovery by
/// real UDP broadcast on the veth subnet, and chat relayed by the only host that joins two bridges.
/// </summary>
public sealed class NetNsMeshTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [NetNsFact("dotnet")]
    public async Task Three_hosts_on_one_bridge_discover_each_other_by_broadcast_and_chat()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(11);
        NetNsHost[] hosts = [await lab.AddHostAsync("h1", (11, 1)), await lab.AddHostAsync("h2", (11, 2)), await lab.AddHostAsync("h3", (11, 3))];
        await using var h1 = NetNsNode.Start(lab, hosts[0], "h1");
        await using var h2 = NetNsNode.Start(lab, hosts[1], "h2");
        await using var h3 = NetNsNode.Start(lab, hosts[2], "h3");
        NetNsNode[] nodes = [h1, h2, h3];

        foreach (var node in nodes)
        {
            foreach (var other in nodes.Where(n => n != node))
            {
                var discovered = await node.WaitForAsync("peer_discovered", e => HasName(e, other.Name), Timeout, $"peer_discovered of {other.Name}");
                Assert.Contains(other.Host.Address, discovered.GetProperty("endpoint").GetString(), StringComparison.Ordinal);
                await node.WaitForAsync("link_up", e => HasName(e, other.Name), Timeout, $"link_up with {other.Name}");
            }
        }

        // Nobody was given a peer: each node's first link began with an announce heard over UDP,
        // sent or received by that node (later ones may come by peer exchange instead).
        foreach (var node in nodes)
        {
            Assert.True(
                node.Output.Count(e => IsUdpDiscovery(e, _ => true)) > 0
                || nodes.Any(other => other.Output.Count(e => IsUdpDiscovery(e, n => n == node.Name)) > 0),
                $"{node.Name} took part in no discovery by UDP broadcast.");
        }

        await h1.SendAsync("/all hello from h1");

        foreach (var receiver in new[] { h2, h3 })
        {
            var received = await receiver.WaitForAsync("chat_received", e => e.GetProperty("text").GetString() == "hello from h1", Timeout, "h1's broadcast");
            Assert.Equal("h1", received.GetProperty("from_name").GetString());
            Assert.Equal("all", received.GetProperty("scope").GetString());
            // Direct, or relayed by the third node when that copy happens to arrive first.
            Assert.InRange(received.GetProperty("hops").GetInt32(), 1, 2);
        }
    }

    private static bool IsUdpDiscovery(JsonElement e, Func<string?, bool> name) =>
        e.GetProperty("event").GetString() == "peer_discovered"
        && e.GetProperty("via").GetString() == "udp"
        && name(e.GetProperty("name").GetString());

    private static bool HasName(JsonElement e, string name) =>
        e.TryGetProperty("name", out var n) && n.GetString() == name;
}
