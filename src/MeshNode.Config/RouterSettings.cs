namespace MeshNode.Config;

/// <summary>
/// Relaying envelopes: hop limit, duplicate suppression, rate limit, broadcast tree and repair,
/// and store-and-forward at relays (<c>mesh.router</c>).
/// </summary>
public sealed record RouterSettings
{
    /// <summary>Most hops an envelope may travel (1-255).</summary>
    public required int HopLimit { get; init; }

    /// <summary>Envelope ids remembered for duplicate suppression (count, at least 16).</summary>
    public required int DedupCacheSize { get; init; }

    /// <summary>How long an envelope id is remembered.</summary>
    public required TimeSpan DedupMaxAge { get; init; }

    /// <summary>Envelopes per second accepted from one link; 0 means no limit.</summary>
    public required int PerLinkRateLimit { get; init; }

    /// <summary>Envelopes kept per away destination; 0 disables store-and-forward.</summary>
    public required int StoreAndForwardQueueSize { get; init; }

    /// <summary>How long a stored envelope waits for its destination.</summary>
    public required TimeSpan StoreAndForwardTtl { get; init; }

    /// <summary>How broadcasts spread: tree with digest and pull repair (default), or flooding.</summary>
    public required BroadcastMode Broadcast { get; init; }

    /// <summary>How long a broadcast's digests are gathered per link before a digest frame goes out.</summary>
    public required TimeSpan DigestDelay { get; init; }

    /// <summary>How long after the first digest a missing broadcast is pulled (the tree copy usually arrives first).</summary>
    public required TimeSpan PullDelay { get; init; }

    /// <summary>How long to wait for a pulled broadcast before asking the next neighbour that has it.</summary>
    public required TimeSpan PullRetryInterval { get; init; }

    /// <summary>Pulls per missing broadcast before giving up on it.</summary>
    public required int PullAttempts { get; init; }

    /// <summary>Missing broadcasts tracked at once; digests for more are dropped and counted.</summary>
    public required int MaxPendingPulls { get; init; }

    /// <summary>Recent broadcasts kept to answer pulls and to tell a new link about (count).</summary>
    public required int RecentBroadcastCount { get; init; }

    /// <summary>Recent broadcasts kept, in total bytes.</summary>
    public required int RecentBroadcastBytes { get; init; }

    /// <summary>How long a recent broadcast is kept for pulls and for new links.</summary>
    public required TimeSpan RecentBroadcastAge { get; init; }

    /// <summary>Directed envelopes a relay holds for destinations with no path (count, all destinations).</summary>
    public required int RelayQueueCount { get; init; }

    /// <summary>Directed envelopes a relay holds for destinations with no path, in total bytes.</summary>
    public required int RelayQueueBytes { get; init; }

    /// <summary>How long a relay holds a directed envelope before dropping it (counted and warned).</summary>
    public required TimeSpan RelayQueueAge { get; init; }

    /// <summary>
    /// Least time between two passes of one directed envelope at a node (a sender's resend of the same
    /// envelope after a lost receipt goes through again; copies arriving together by several paths do not).
    /// </summary>
    public required TimeSpan DirectedRepeatInterval { get; init; }

    internal static RouterSettings Read(SettingsReader r) => new()
    {
        HopLimit = r.Integer("mesh.router.hop-limit", 1, 255),
        DedupCacheSize = r.Integer("mesh.router.dedup-cache-size", 16, 16_777_216),
        DedupMaxAge = r.Duration("mesh.router.dedup-max-age", TimeSpan.FromSeconds(1)),
        PerLinkRateLimit = r.Integer("mesh.router.per-link-rate-limit", 0, 1_000_000),
        StoreAndForwardQueueSize = r.Integer("mesh.router.store-and-forward-queue-size", 0, 1_000_000),
        StoreAndForwardTtl = r.Duration("mesh.router.store-and-forward-ttl", TimeSpan.FromSeconds(1)),
        Broadcast = r.Enum<BroadcastMode>("mesh.router.broadcast"),
        DigestDelay = r.Duration("mesh.router.digest-delay", TimeSpan.Zero),
        PullDelay = r.Duration("mesh.router.pull-delay", TimeSpan.Zero),
        PullRetryInterval = r.Duration("mesh.router.pull-retry-interval", TimeSpan.FromMilliseconds(1)),
        PullAttempts = r.Integer("mesh.router.pull-attempts", 1, 100),
        MaxPendingPulls = r.Integer("mesh.router.max-pending-pulls", 1, 1_000_000),
        RecentBroadcastCount = r.Integer("mesh.router.recent-broadcast-count", 1, 1_000_000),
        RecentBroadcastBytes = r.Size("mesh.router.recent-broadcast-bytes", 65536, int.MaxValue),
        RecentBroadcastAge = r.Duration("mesh.router.recent-broadcast-age", TimeSpan.FromSeconds(1)),
        RelayQueueCount = r.Integer("mesh.router.relay-queue-count", 0, 1_000_000),
        RelayQueueBytes = r.Size("mesh.router.relay-queue-bytes", 0, int.MaxValue),
        RelayQueueAge = r.Duration("mesh.router.relay-queue-age", TimeSpan.FromSeconds(1)),
        DirectedRepeatInterval = r.Duration("mesh.router.directed-repeat-interval", TimeSpan.FromMilliseconds(10)),
    };
}
