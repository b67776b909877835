using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>How to reach one destination from a <see cref="ShortestPaths"/> root.</summary>
/// <param name="Destination">Where the traffic goes.</param>
/// <param name="NextHop">The root's neighbour to hand it to.</param>
/// <param name="HopCount">Links on the path (1 for a neighbour).</param>
/// <param name="CostMicroseconds">Sum of the edge costs (RTTs, each at least the minimum edge cost).</param>
public readonly record struct Route(NodeKey Destination, NodeKey NextHop, int HopCount, long CostMicroseconds);
