using MeshNode.Config;

namespace MeshNode.Tui.Model;

/// <summary>How the UI model keeps and shows its state. The defaults suit an interactive terminal.</summary>
internal sealed record TuiModelOptions
{
    /// <summary>Lines kept per chat tab; older ones are dropped (the store keeps the history).</summary>
    public int MaxLinesPerTab { get; init; } = 2000;

    /// <summary>How long a link that appeared or vanished stays highlighted in the topology pane.</summary>
    public TimeSpan HighlightFor { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>True in <c>meshnode lab</c>: the status line says which node of how many the UI speaks for.</summary>
    public bool Lab { get; init; }

    /// <summary>The zone message times are shown in; null means the machine's local zone.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Submitted input lines remembered for Up/Down recall; the oldest are forgotten first.</summary>
    public int InputHistoryLimit { get; init; } = 100;

    /// <summary>Longest input line accepted, in characters; typing beyond it is ignored.</summary>
    public int MaxInputLength { get; init; } = 4000;

    /// <summary>The options <c>mesh.ui</c> asks for (max-lines-per-tab, link-highlight).</summary>
    public static TuiModelOptions From(UiSettings ui, bool lab, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(ui);
        return new TuiModelOptions
        {
            MaxLinesPerTab = ui.MaxLinesPerTab,
            HighlightFor = ui.LinkHighlight,
            Lab = lab,
            TimeZone = timeZone,
        };
    }
}
