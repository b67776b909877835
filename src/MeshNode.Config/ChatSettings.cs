namespace MeshNode.Config;

/// <summary>Chat messages (<c>mesh.chat</c>).</summary>
public sealed record ChatSettings
{
    /// <summary>Longest chat text accepted or sent, in UTF-8 bytes (1-60000).</summary>
    public required int MaxTextBytes { get; init; }

    /// <summary>Longest wait between resends of an unacknowledged direct message (at least 1 s); the wait doubles from 1 s up to it.</summary>
    public required TimeSpan RetryMaxBackoff { get; init; }

    /// <summary>Direct messages remembered to show a resent one only once (count, 16-1048576).</summary>
    public required int RecentDirectCacheSize { get; init; }

    internal static ChatSettings Read(SettingsReader r) => new()
    {
        MaxTextBytes = r.Integer("mesh.chat.max-text-bytes", 1, 60_000),
        RetryMaxBackoff = r.Duration("mesh.chat.retry-max-backoff", TimeSpan.FromSeconds(1)),
        RecentDirectCacheSize = r.Integer("mesh.chat.recent-direct-cache-size", 16, 1_048_576),
    };
}
