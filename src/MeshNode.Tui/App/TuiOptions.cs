using MeshNode.Config;
using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.App;

/// <summary>How <see cref="TuiApp"/> runs: the terminal it owns, its redraw rate, its clock.</summary>
public sealed record TuiOptions
{
    /// <summary>The terminal the UI takes over while it runs (a <see cref="ConsoleTerminal"/> in the program).</summary>
    public required ITerminal Terminal { get; init; }

    /// <summary>
    /// Least time between two frames (<c>mesh.ui.refresh-interval</c>): changes that arrive faster
    /// are drawn together in the next frame. Also the least time between two fetches of one node's
    /// peers, status and topology, since fetching faster than drawing shows nothing more.
    /// </summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Lines each chat tab keeps (<c>mesh.ui.max-lines-per-tab</c>); also how much history is loaded
    /// for a tab. Older lines stay in the store.
    /// </summary>
    public int MaxLinesPerTab { get; init; } = 2000;

    /// <summary>How long a link that appeared or vanished stays highlighted in the topology pane (<c>mesh.ui.link-highlight</c>; zero = never).</summary>
    public TimeSpan LinkHighlight { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>True in <c>meshnode lab</c>: the status line names the node, and <c>/as N</c> switches nodes.</summary>
    public bool Lab { get; init; }

    /// <summary>The clock for redraw pacing and highlight expiry (a manual one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The zone message times are shown in; null means the machine's local zone.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>
    /// Lines shown as information notices in the chat pane when the UI opens (for example the new
    /// fingerprint on a first start).
    /// </summary>
    public IReadOnlyList<string> StartNotices { get; init; } = [];

    /// <summary>Options from the node's settings (<c>mesh.ui</c>).</summary>
    /// <param name="ui">The UI settings.</param>
    /// <param name="terminal">The terminal to own.</param>
    /// <param name="lab">Whether this is a lab of several nodes.</param>
    /// <returns>The options.</returns>
    public static TuiOptions From(UiSettings ui, ITerminal terminal, bool lab)
    {
        ArgumentNullException.ThrowIfNull(ui);
        return new TuiOptions
        {
            Terminal = terminal,
            RefreshInterval = ui.RefreshInterval,
            MaxLinesPerTab = ui.MaxLinesPerTab,
            LinkHighlight = ui.LinkHighlight,
            Lab = lab,
        };
    }
}
