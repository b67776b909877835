using MeshNode.Core.Node;

namespace MeshNode.Tui.App;

/// <summary>
/// The terminal UI: takes over the terminal, shows the nodes' peers, chat and topology, and runs
/// what the user types on the node it speaks for. It reads each node's event stream and calls the
/// node's public commands off its own loop, so it never blocks a node.
/// </summary>
public static class TuiApp
{
    /// <summary>
    /// Runs the UI until the user leaves (/quit or Ctrl+C) or <paramref name="cancellationToken"/>
    /// fires, then gives the terminal back as it was, also when an exception ends it. It does not
    /// stop the nodes: the caller does (links closed, store flushed).
    /// </summary>
    /// <param name="nodes">The started nodes: one for <c>meshnode run</c>, N for a lab (the UI starts on node 0).</param>
    /// <param name="options">The terminal, redraw interval and clock.</param>
    /// <param name="cancellationToken">Ends the UI (Ctrl+C via the host, SIGTERM).</param>
    /// <returns>Completes when the UI has left and the terminal is restored.</returns>
    public static async Task RunAsync(IReadOnlyList<IMeshNode> nodes, TuiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("the terminal UI needs at least one node", nameof(nodes));
        }

        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RefreshInterval, "the refresh interval must be positive");
        }

        if (options.MaxLinesPerTab < 1 || options.LinkHighlight < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxLinesPerTab must be at least 1 and LinkHighlight not negative");
        }

        var loop = new TuiLoop(nodes, options);
        await loop.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
