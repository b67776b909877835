namespace MeshNode.Config;

/// <summary>The link-state topology (<c>mesh.topology</c>).</summary>
public sealed record TopologySettings
{
    /// <summary>Most neighbours accepted in one node's link-state record (1-4096).</summary>
    public required int MaxNeighbours { get; init; }

    /// <summary>The least a link costs in route computation (at most 1 s); faster links cost the same.</summary>
    public required TimeSpan MinEdgeCost { get; init; }

    /// <summary>Most nodes whose link-state records are held (1-1048576); records from further nodes are refused.</summary>
    public required int MaxNodes { get; init; }

    /// <summary>A link-state record not refreshed within this time is dropped (at least 3 s).</summary>
    public required TimeSpan MaxAge { get; init; }

    /// <summary>Time between re-issues of this node's unchanged link-state record (1 s to a third of <see cref="MaxAge"/>).</summary>
    public required TimeSpan ReissueInterval { get; init; }

    /// <summary>
    /// The relative change of a link's smoothed RTT cost (0 to 100; 1 = the advertised cost doubled or
    /// halved) that is worth a new link-state record; smaller changes are never advertised.
    /// </summary>
    public double RttChangeThreshold { get; init; } = 1;

    /// <summary>
    /// How long a change (new or lost link, RTT beyond the threshold) waits so that changes arriving
    /// together go out in one record (0 to 10 s).
    /// </summary>
    public TimeSpan IssueDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The least time between two link-state records of this node (0 to a third of <see cref="MaxAge"/>): a flapping link costs at most one record per interval.</summary>
    public TimeSpan MinIssueInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The least time between a record and the next one issued only because an RTT moved (0 to a third of
    /// <see cref="MaxAge"/>): RTTs measured on a starved machine swing widely, and routes need not chase them.
    /// </summary>
    public TimeSpan RttIssueInterval { get; init; } = TimeSpan.FromSeconds(30);

    internal static TopologySettings Read(SettingsReader r)
    {
        var minEdgeCost = r.Duration("mesh.topology.min-edge-cost", TimeSpan.FromMicroseconds(1));
        if (minEdgeCost > TimeSpan.FromSeconds(1))
        {
            r.Fail("mesh.topology.min-edge-cost", $"must be at most 1s, got {minEdgeCost.TotalMilliseconds} ms");
        }

        var maxAge = r.Duration("mesh.topology.max-age", TimeSpan.FromSeconds(3));
        var reissue = r.Duration("mesh.topology.reissue-interval", TimeSpan.FromSeconds(1));
        if (reissue > maxAge / 3)
        {
            r.Fail("mesh.topology.reissue-interval", $"must be at most a third of mesh.topology.max-age ({maxAge.TotalSeconds} s), got {reissue.TotalSeconds} s");
        }

        var issueDelay = r.Duration("mesh.topology.issue-delay", TimeSpan.Zero);
        if (issueDelay > TimeSpan.FromSeconds(10))
        {
            r.Fail("mesh.topology.issue-delay", $"must be at most 10s, got {issueDelay.TotalSeconds} s");
        }

        var minIssueInterval = r.Duration("mesh.topology.min-issue-interval", TimeSpan.Zero);
        if (minIssueInterval > maxAge / 3)
        {
            r.Fail("mesh.topology.min-issue-interval", $"must be at most a third of mesh.topology.max-age ({maxAge.TotalSeconds} s), got {minIssueInterval.TotalSeconds} s");
        }

        var rttIssueInterval = r.Duration("mesh.topology.rtt-issue-interval", TimeSpan.Zero);
        if (rttIssueInterval > maxAge / 3)
        {
            r.Fail("mesh.topology.rtt-issue-interval", $"must be at most a third of mesh.topology.max-age ({maxAge.TotalSeconds} s), got {rttIssueInterval.TotalSeconds} s");
        }

        return new TopologySettings
        {
            MaxNeighbours = r.Integer("mesh.topology.max-neighbours", 1, 4096),
            MaxNodes = r.Integer("mesh.topology.max-nodes", 1, 1_048_576),
            MaxAge = maxAge,
            MinEdgeCost = minEdgeCost,
            ReissueInterval = reissue,
            RttChangeThreshold = r.Number("mesh.topology.rtt-change-threshold", 0, 100),
            IssueDelay = issueDelay,
            MinIssueInterval = minIssueInterval,
            RttIssueInterval = rttIssueInterval,
        };
    }
}
