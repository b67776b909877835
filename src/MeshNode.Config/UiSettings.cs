namespace MeshNode.Config;

/// <summary>The terminal UI (<c>mesh.ui</c>).</summary>
public sealed record UiSettings
{
    /// <summary>Time between redraws (16 ms to 10 s).</summary>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary>Lines each chat tab keeps on screen (100 to 100000); older ones stay in the store.</summary>
    public required int MaxLinesPerTab { get; init; }

    /// <summary>How long a link that appeared or vanished stays highlighted in the topology pane (0 to 60 s; 0 = never).</summary>
    public required TimeSpan LinkHighlight { get; init; }

    internal static UiSettings Read(SettingsReader r)
    {
        var interval = r.Duration("mesh.ui.refresh-interval", TimeSpan.FromMilliseconds(16));
        if (interval > TimeSpan.FromSeconds(10))
        {
            r.Fail("mesh.ui.refresh-interval", $"must be at most 10s, got {interval.TotalMilliseconds} ms");
        }

        var highlight = r.Duration("mesh.ui.link-highlight", TimeSpan.Zero);
        if (highlight > TimeSpan.FromSeconds(60))
        {
            r.Fail("mesh.ui.link-highlight", $"must be at most 60s, got {highlight.TotalSeconds} s");
        }

        return new UiSettings
        {
            RefreshInterval = interval,
            MaxLinesPerTab = r.Integer("mesh.ui.max-lines-per-tab", 100, 100_000),
            LinkHighlight = highlight,
        };
    }
}
