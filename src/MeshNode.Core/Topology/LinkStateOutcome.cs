namespace MeshNode.Core.Topology;

/// <summary>What <see cref="LinkStateDatabase.Apply"/> did with a record.</summary>
public enum LinkStateOutcome
{
    /// <summary>The record was newer than the one held (or the first from its origin) and replaced it; flood it on.</summary>
    Accepted,

    /// <summary>The record's sequence equals the one held: a copy already handled; do not flood it again.</summary>
    Duplicate,

    /// <summary>The record's sequence is below the one held (or below a forgotten origin's last one); ignored.</summary>
    Outdated,

    /// <summary>A record claiming to be this node's own with a sequence at or above ours (an earlier run of
    /// this node): ignored, and our own sequence jumps past it; reissue our own record.</summary>
    OwnRecordSuperseded,

    /// <summary>Refused: it lists more neighbours than <see cref="TopologySettings.MaxNeighboursPerRecord"/>.</summary>
    TooManyNeighbours,

    /// <summary>Refused: a new origin while <see cref="TopologySettings.MaxNodes"/> records are already held.</summary>
    TooManyNodes,
}
