using MeshNode.Core.Node;

namespace MeshNode.Cli.Hosting;

/// <summary>
/// What a person or script uses to drive running nodes: headless JSON lines today, the terminal UI
/// later. It reads each node's event stream and calls the node's public commands, nothing else.
/// </summary>
internal interface INodeFrontEnd
{
    /// <summary>Runs until the user quits (or input ends), or until <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="nodes">The nodes to drive: one for <c>run</c>, N for <c>lab</c> (index = lab node number).</param>
    /// <param name="cancellationToken">Fires on Ctrl+C, SIGTERM or host shutdown.</param>
    /// <returns>Completes when the front end is done.</returns>
    Task RunAsync(IReadOnlyList<IMeshNode> nodes, CancellationToken cancellationToken);
}
