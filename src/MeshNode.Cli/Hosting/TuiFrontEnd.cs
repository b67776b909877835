using MeshNode.Core.Node;
using MeshNode.Tui.App;

namespace MeshNode.Cli.Hosting;

/// <summary>
/// The terminal UI as a front end under the Generic Host: Ctrl+C and SIGTERM reach it as the host's
/// cancellation, /quit ends it and the host then stops; the caller stops the nodes afterwards
/// (links closed, store flushed). Nothing else may write to the terminal while it runs.
/// </summary>
internal sealed class TuiFrontEnd : INodeFrontEnd
{
    private readonly TuiOptions _options;

    /// <summary>Creates the front end.</summary>
    /// <param name="options">The terminal, refresh interval and lab flag.</param>
    public TuiFrontEnd(TuiOptions options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public Task RunAsync(IReadOnlyList<IMeshNode> nodes, CancellationToken cancellationToken) =>
        TuiApp.RunAsync(nodes, _options, cancellationToken);
}
