namespace MeshNode.Config;

/// <summary>The link-state topology (<c>mesh.topology</c>).</summary>
public sealed record TopologySettings
{
    /// <summary>Longest allowed <see cref="ReissueInterval"/>: a third of the 60 s link-state max age.</summary>
    public static readonly TimeSpan MaxReissueInterval = TimeSpan.FromSeconds(20);

    /// <summary>Most neighbours accepted in one node's link-state record (1-4096).</summary>
    public required int MaxNeighbours { get; init; }

    /// <summary>The least a link costs in route computation (at most 1 s); faster links cost the same.</summary>
    public required TimeSpan MinEdgeCost { get; init; }

    /// <summary>Time between re-issues of this node's unchanged link-state record (1 s to <see cref="MaxReissueInterval"/>).</summary>
    public required TimeSpan ReissueInterval { get; init; }

    internal static TopologySettings Read(SettingsReader r)
    {
        var minEdgeCost = r.Duration("mesh.topology.min-edge-cost", TimeSpan.FromMicroseconds(1));
        if (minEdgeCost > TimeSpan.FromSeconds(1))
        {
            r.Fail("mesh.topology.min-edge-cost", $"must be at most 1s, got {minEdgeCost.TotalMilliseconds} ms");
        }

        var reissue = r.Duration("mesh.topology.reissue-interval", TimeSpan.FromSeconds(1));
        if (reissue > MaxReissueInterval)
        {
            r.Fail("mesh.topology.reissue-interval", $"must be at most {MaxReissueInterval.TotalSeconds} s (well under the 60 s link-state max age), got {reissue.TotalSeconds} s");
        }

        return new TopologySettings
        {
            MaxNeighbours = r.Integer("mesh.topology.max-neighbours", 1, 4096),
            MinEdgeCost = minEdgeCost,
            ReissueInterval = reissue,
        };
    }
}
