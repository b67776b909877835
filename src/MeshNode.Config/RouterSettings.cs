namespace MeshNode.Config;

/// <summary>Relaying envelopes: hop limit, duplicate suppression, rate limit, store-and-forward (<c>mesh.router</c>).</summary>
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

    internal static RouterSettings Read(SettingsReader r) => new()
    {
        HopLimit = r.Integer("mesh.router.hop-limit", 1, 255),
        DedupCacheSize = r.Integer("mesh.router.dedup-cache-size", 16, 16_777_216),
        DedupMaxAge = r.Duration("mesh.router.dedup-max-age", TimeSpan.FromSeconds(1)),
        PerLinkRateLimit = r.Integer("mesh.router.per-link-rate-limit", 0, 1_000_000),
        StoreAndForwardQueueSize = r.Integer("mesh.router.store-and-forward-queue-size", 0, 1_000_000),
        StoreAndForwardTtl = r.Duration("mesh.router.store-and-forward-ttl", TimeSpan.FromSeconds(1)),
    };
}
