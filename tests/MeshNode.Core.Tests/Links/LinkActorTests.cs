using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>The link's frame bound is the node's <c>mesh.link.max-frame-size</c>, not the protocol maximum.</summary>
public sealed class LinkActorTests
{
    [Fact]
    public async Task A_node_with_a_lowered_max_frame_size_closes_a_link_that_sends_a_longer_frame_naming_the_setting()
    {
        var network = new InMemoryNetwork(seed: 11);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idB = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var storeA = await SqliteMeshStore.OpenEphemeralAsync();
        await using var storeB = await SqliteMeshStore.OpenEphemeralAsync();
        var d = MeshSettings.Defaults;
        var small = d with
        {
            Link = d.Link with { MaxFrameSize = 1024 },
            Envelope = d.Envelope with { MaxSize = 1024 - EnvelopeSettings.FrameOverhead },
        };
        var a = await StartAsync(network, "a", idA, storeA, [], small);
        var recorderA = new NodeRecorder(a);
        var b = await StartAsync(network, "b", idB, storeB, [a.ListenEndpoint], d);
        var recorderB = new NodeRecorder(b);
        try
        {
            await recorderA.WaitForAsync<LinkUp>(l => l.NodeId == b.NodeId, MeshHarness.Timeout);
            await recorderB.WaitForAsync<LinkUp>(l => l.NodeId == a.NodeId, MeshHarness.Timeout);

            await b.SendToAllAsync(new string('x', 2000));

            var down = await recorderA.WaitForAsync<LinkDown>(l => l.NodeId == b.NodeId, MeshHarness.Timeout);
            Assert.Contains("mesh.link.max-frame-size = 1024", down.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await a.StopAsync();
            await b.StopAsync();
        }
    }

    private static Task<IMeshNode> StartAsync(InMemoryNetwork network, string name, NodeIdentity identity, IMeshStore store, IReadOnlyList<TransportEndpoint> peers, MeshSettings settings) =>
        MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = settings with { Node = settings.Node with { Name = name } },
            Identity = identity,
            Store = store,
            Transport = network.CreateTransport($"host-{name}"),
            ListenEndpoint = new TransportEndpoint($"host-{name}", 7000),
            StaticPeers = peers,
            DiscoveryEnabled = false,
        });
}
