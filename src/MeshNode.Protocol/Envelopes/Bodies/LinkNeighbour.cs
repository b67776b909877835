using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>One neighbour in a link-state advertisement, or one hop of a trace path.</summary>
/// <param name="NodeId">The neighbour.</param>
/// <param name="RttMicroseconds">Measured round-trip time of the link.</param>
public readonly record struct LinkNeighbour(NodeId NodeId, uint RttMicroseconds);
