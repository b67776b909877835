using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// What one node says about its own links, as the protocol layer hands it over after checking the
/// origin's signature. Records from one origin replace each other by <see cref="Sequence"/> only.
/// </summary>
/// <param name="Origin">The node that issued and signed the record.</param>
/// <param name="Sequence">Strictly increasing per origin; a record with a sequence not above the one held is ignored.</param>
/// <param name="IssuedAt">The origin's clock when it issued the record: shown to users, never used for ageing
/// (peers' clocks are not synchronised; the database ages records by its own clock).</param>
/// <param name="Neighbours">The origin's current links with their RTTs; a node listed twice counts once (the first).</param>
public sealed record LinkStateRecord(
    NodeKey Origin,
    ulong Sequence,
    DateTimeOffset IssuedAt,
    IReadOnlyList<LinkStateNeighbour> Neighbours);
