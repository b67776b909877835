namespace MeshNode.Core.Routing;

/// <summary>Timings and bounds of <see cref="BroadcastRepair"/> (bound to <c>mesh.routing.repair.*</c> by the node).</summary>
public sealed record BroadcastRepairSettings
{
    /// <summary>
    /// How long after the first digest a missing broadcast is pulled. Default 150 ms: digests
    /// from a neighbour nearer the origin usually arrive before the tree copy, which takes a few
    /// LAN hops of a few milliseconds each; pulling sooner turns late tree copies into duplicates.
    /// </summary>
    public TimeSpan PullDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How long to wait for a pulled copy before asking the next digest sender. Default 500 ms (a slow round trip).</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Pull attempts per message before giving up. Default 6: with 10% loss per transmission a
    /// pull round trip fails about 1 time in 5, and six failures in a row (6e-5) are rarer than
    /// the losses flooding itself suffers.
    /// </summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Missing messages tracked at once (default 1024); digests beyond it are dropped and counted.</summary>
    public int MaxPending { get; init; } = 1024;

    /// <summary>Digest senders remembered per missing message (default 8).</summary>
    public int MaxCandidates { get; init; } = 8;
}
