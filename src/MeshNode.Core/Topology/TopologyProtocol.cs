using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Topology;

// Messages of the topology actor. Internal to the node.

/// <summary>Asks the topology actor for the current graph; answered with a <see cref="Node.TopologyView"/>.</summary>
internal sealed record GetTopology
{
    /// <summary>The one instance.</summary>
    public static readonly GetTopology Instance = new();
}

/// <summary>Asks for the shortest path to <paramref name="Destination"/>; answered with a <see cref="Node.TraceView"/> (empty hops when unreachable).</summary>
internal sealed record GetPath(NodeId Destination);

/// <summary>A node's keys and name learned from its signed link-state; sent to the chat actor.</summary>
internal sealed record PeerLearned(NodeId Id, string Name, ReadOnlyMemory<byte> IdentityKey, ReadOnlyMemory<byte> SealingKey);

/// <summary>The nodes reachable now (sent to the chat actor on every graph change).</summary>
internal sealed record ReachabilityChanged(IReadOnlySet<NodeId> Reachable);
