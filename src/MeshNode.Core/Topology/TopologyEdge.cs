using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// A usable link in a <see cref="TopologyGraph"/>: both ends reported it. <see cref="A"/> is the
/// smaller key, so each link appears once.
/// </summary>
/// <param name="A">The end with the smaller key.</param>
/// <param name="B">The end with the larger key.</param>
/// <param name="RttMicroseconds">The larger of the two ends' measured RTTs (the same at every node, so every node
/// computes the same paths).</param>
public readonly record struct TopologyEdge(NodeKey A, NodeKey B, long RttMicroseconds);
