namespace MeshNode.Core.Tests.Routing;

/// <summary>What one simulated broadcast did, per node (indexes as in the topology).</summary>
internal sealed class BroadcastOutcome(bool[] received, int[] duplicates, long[] latencyTicks)
{
    public bool[] Received { get; } = received;

    public int[] Duplicates { get; } = duplicates;

    public long[] LatencyTicks { get; } = latencyTicks;

    public int PayloadSends { get; set; }

    public int DigestSends { get; set; }

    public int PullSends { get; set; }
}
