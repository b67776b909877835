using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

public sealed class LinkKeepaliveTests
{
    [Fact]
    public async Task Handshake_links_two_nodes_over_the_in_memory_transport_and_a_silent_link_is_declared_dead()
    {
        var network = new InMemoryNetwork(seed: 7);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idB = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var storeA = await SqliteMeshStore.OpenEphemeralAsync();
        await using var storeB = await SqliteMeshStore.OpenEphemeralAsync();
        var a = await StartAsync(network, "a", idA, storeA, []);
        var recorderA = new NodeRecorder(a);
        var b = await StartAsync(network, "b", idB, storeB, [a.ListenEndpoint]);
        var recorderB = new NodeRecorder(b);
        try
        {
            var up = await recorderB.WaitForAsync<LinkUp>(l => l.NodeId == a.NodeId, MeshHarness.Timeout);
            Assert.False(up.Inbound);
            Assert.Equal("a", up.Name);
            await recorderA.WaitForAsync<LinkUp>(l => l.NodeId == b.NodeId && l.Inbound, MeshHarness.Timeout);

            network.Blackhole("host-a", "host-b");

            var downA = await recorderA.WaitForAsync<LinkDown>(d => d.NodeId == b.NodeId, MeshHarness.Timeout);
            var downB = await recorderB.WaitForAsync<LinkDown>(d => d.NodeId == a.NodeId, MeshHarness.Timeout);
            Assert.Contains("IdleTimeout", downA.Reason, StringComparison.Ordinal);
            Assert.Contains("IdleTimeout", downB.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await a.StopAsync();
            await b.StopAsync();
        }
    }

    private static Task<IMeshNode> StartAsync(InMemoryNetwork network, string name, NodeIdentity identity, IMeshStore store, IReadOnlyList<TransportEndpoint> peers)
    {
        var defaults = MeshSettings.Defaults;
        return MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = defaults with { Node = defaults.Node with { Name = name } },
            Identity = identity,
            Store = store,
            Transport = network.CreateTransport($"host-{name}"),
            ListenEndpoint = new TransportEndpoint($"host-{name}", 7000),
            StaticPeers = peers,
            DiscoveryEnabled = false,
        });
    }
}
