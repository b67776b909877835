namespace MeshNode.Core.Topology;

/// <summary>Bounds and timings of the link-state database (bound to <c>mesh.topology.*</c> by the node).</summary>
public sealed record TopologySettings
{
    /// <summary>
    /// A record not replaced by a newer one within this time is dropped. Default 60 s: three
    /// missed refreshes at the usual 20 s refresh interval.
    /// </summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a record is kept while its origin is unreachable from this node before it is
    /// dropped. Default 10 s: records arrive in any order, so a record whose link to us is not
    /// known yet must survive until the record that connects it arrives.
    /// </summary>
    public TimeSpan UnreachableRetention { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most origins held (default 4096); a record from a new origin beyond it is refused.</summary>
    public int MaxNodes { get; init; } = 4096;

    /// <summary>The most neighbours one record may list (default 256); a longer record is refused.</summary>
    public int MaxNeighboursPerRecord { get; init; } = 256;

    /// <summary>
    /// The least cost of an edge in microseconds (default 100): a loopback link that measures 0 µs
    /// still costs something, so shortest paths prefer fewer hops among near-zero RTTs.
    /// </summary>
    public long MinEdgeCostMicroseconds { get; init; } = 100;
}
