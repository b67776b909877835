namespace MeshNode.Core.Topology;

/// <summary>The result of <see cref="LinkStateDatabase.ApplyAll"/>.</summary>
/// <param name="Outcomes">What happened to each record, in the order given: flood on the accepted ones.</param>
/// <param name="GraphChanged">True when the graph snapshot differs from the one before the batch.</param>
/// <param name="Graph">The current snapshot.</param>
/// <param name="OwnRecord">A reissued record of this node's own to flood, when an earlier run's record was in the batch.</param>
public readonly record struct LinkStateBatchUpdate(
    IReadOnlyList<LinkStateOutcome> Outcomes,
    bool GraphChanged,
    TopologyGraph Graph,
    LinkStateRecord? OwnRecord);
