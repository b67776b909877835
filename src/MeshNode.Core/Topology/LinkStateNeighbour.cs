using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>One neighbour in a link-state record: who, and the round-trip time its link measured.</summary>
/// <param name="Node">The neighbour's id.</param>
/// <param name="RttMicroseconds">The measured round-trip time in microseconds (negative values are read as 0).</param>
public readonly record struct LinkStateNeighbour(NodeKey Node, long RttMicroseconds);
