namespace MeshNode.Protocol.Envelopes;

/// <summary>Bounds on discovery announces; each comes from the setting named beside it.</summary>
/// <param name="MaxDatagramSize"><c>mesh.discovery.max-datagram-size</c>: largest SignedAnnounce, bytes (default 1024).</param>
/// <param name="MaxClockDifference"><c>mesh.discovery.max-clock-skew</c>: how far an announce's timestamp may lie from now, either way (default 5 minutes).</param>
public sealed record AnnounceLimits(int MaxDatagramSize, TimeSpan MaxClockDifference)
{
    /// <summary>Setting name for <see cref="MaxDatagramSize"/>.</summary>
    public const string MaxDatagramSizeSetting = "mesh.discovery.max-datagram-size";

    /// <summary>Setting name for <see cref="MaxClockDifference"/>.</summary>
    public const string MaxClockDifferenceSetting = "mesh.discovery.max-clock-skew";

    /// <summary>Longest display name in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 64;

    /// <summary>Most endpoints in one announce.</summary>
    public const int MaxEndpoints = 8;

    /// <summary>The defaults: 1024 bytes, 5 minutes.</summary>
    public static AnnounceLimits Default { get; } = new(1024, TimeSpan.FromMinutes(5));
}
