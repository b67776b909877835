using System.Net;
using System.Net.Sockets;
using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshDiscoveryTests
{
    [Fact]
    public async Task Two_nodes_on_one_host_find_each_other_by_announce_and_link()
    {
        var port = FreeUdpPort();
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a", discoveryPort: port);
        var b = await mesh.StartAsync("b", discoveryPort: port);

        var discovered = await b.Recorder.WaitForAsync<PeerDiscovered>(p => p.NodeId == a.Id, MeshHarness.Timeout);
        Assert.Equal("a", discovered.Name);
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));
        Assert.DoesNotContain(a.Recorder.All<PeerDiscovered>(), p => p.NodeId == a.Id);
    }

    [Fact]
    public async Task Peer_exchange_over_links_introduces_nodes_that_cannot_hear_each_other()
    {
        await using var mesh = new MeshHarness();
        var a = await mesh.StartAsync("a", discoveryPort: FreeUdpPort());
        var b = await mesh.StartAsync("b", [a], discoveryPort: FreeUdpPort());
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));

        var c = await mesh.StartAsync("c", [b], discoveryPort: FreeUdpPort());

        var viaExchange = await c.Recorder.WaitForAsync<PeerDiscovered>(p => p.NodeId == a.Id, MeshHarness.Timeout);
        Assert.Equal("peer-exchange", viaExchange.Via);
        await c.Recorder.WaitForAsync<LinkUp>(l => l.NodeId == a.Id, MeshHarness.Timeout);
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
