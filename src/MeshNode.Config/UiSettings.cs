namespace MeshNode.Config;

/// <summary>The terminal UI (<c>mesh.ui</c>).</summary>
public sealed record UiSettings
{
    /// <summary>Time between redraws (16 ms to 10 s).</summary>
    public required TimeSpan RefreshInterval { get; init; }

    internal static UiSettings Read(SettingsReader r)
    {
        var interval = r.Duration("mesh.ui.refresh-interval", TimeSpan.FromMilliseconds(16));
        if (interval > TimeSpan.FromSeconds(10))
        {
            r.Fail("mesh.ui.refresh-interval", $"must be at most 10s, got {interval.TotalMilliseconds} ms");
        }

        return new UiSettings { RefreshInterval = interval };
    }
}
