using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>One node of a <see cref="MeshHarness"/>.</summary>
internal sealed class RunningNode(string name, NodeIdentity identity, IMeshNode node, IMeshStore store, NodeRecorder recorder)
{
    private bool _stopped;

    public string Name { get; } = name;

    public NodeIdentity Identity { get; } = identity;

    public IMeshNode Node { get; } = node;

    public NodeRecorder Recorder { get; } = recorder;

    public string Id => Node.NodeId;

    public NodeCounters Counters => ((MeshNodeInstance)Node).Counters;

    /// <summary>Waits until this node's topology has a path to every one of <paramref name="others"/>.</summary>
    public Task WaitUntilReachableAsync(IEnumerable<RunningNode> others)
    {
        var ids = others.Select(o => o.Id).ToHashSet();
        return Recorder.WaitForAsync<TopologyChanged>(
            t => ids.All(id => t.Topology.Nodes.Any(n => n.NodeId == id && n.Hops is not null)),
            MeshHarness.Timeout);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Node.StopAsync();
        await store.DisposeAsync();
    }
}
