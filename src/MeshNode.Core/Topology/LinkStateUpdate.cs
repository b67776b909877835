namespace MeshNode.Core.Topology;

/// <summary>The result of one change to a <see cref="LinkStateDatabase"/>.</summary>
/// <param name="Outcome">What happened to the record.</param>
/// <param name="GraphChanged">True when the graph snapshot differs from the previous one (publish it).</param>
/// <param name="Graph">The current snapshot (the new one when <paramref name="GraphChanged"/>).</param>
/// <param name="OwnRecord">A record of this node's own that the caller must flood to every link: set by
/// <see cref="LinkStateDatabase.IssueOwn"/> and when an earlier run's record made ours jump ahead
/// (<see cref="LinkStateOutcome.OwnRecordSuperseded"/>); null otherwise.</param>
public readonly record struct LinkStateUpdate(
    LinkStateOutcome Outcome,
    bool GraphChanged,
    TopologyGraph Graph,
    LinkStateRecord? OwnRecord = null);
