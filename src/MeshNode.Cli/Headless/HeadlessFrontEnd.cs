using MeshNode.Cli.Hosting;
using MeshNode.Core.Node;
using MeshNode.Tui.Commands;

namespace MeshNode.Cli.Headless;

/// <summary>
/// The scripting front end: every node event as a JSON line on standard output, slash commands one
/// per line on standard input. In a lab every line carries the node's index and commands go to the
/// node chosen with <c>/as N</c> (node 0 at first).
/// </summary>
internal sealed class HeadlessFrontEnd : INodeFrontEnd
{
    private readonly TextReader _input;
    private readonly HeadlessEventWriter _writer;
    private readonly bool _lab;

    /// <summary>Creates the front end.</summary>
    /// <param name="input">Standard input.</param>
    /// <param name="writer">Writes events to standard output.</param>
    /// <param name="lab">True for <c>meshnode lab</c>: events carry a <c>node</c> field and <c>/as</c> works.</param>
    public HeadlessFrontEnd(TextReader input, HeadlessEventWriter writer, bool lab)
    {
        _input = input;
        _writer = writer;
        _lab = lab;
    }

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyList<IMeshNode> nodes, CancellationToken cancellationToken)
    {
        using var stopPumps = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = nodes.Select((node, i) => PumpAsync(node, _lab ? i : null, stopPumps.Token)).ToList();
        try
        {
            var session = new HeadlessSession(nodes, _writer, _lab);
            var reader = new BoundedLineReader(_input, SlashCommandParser.MaxLineLength);
            while (true)
            {
                // Reads from a console cannot be cancelled; WaitAsync abandons the read on Ctrl+C.
                var line = await reader.ReadLineAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!await session.ExecuteAsync(line, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        finally
        {
            await stopPumps.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pumps).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(IMeshNode node, int? index, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var nodeEvent in node.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _writer.Write(nodeEvent, index);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leaving: events still queued are not needed.
        }
    }
}
