using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Tui.Commands;

namespace MeshNode.Cli.Headless;

/// <summary>
/// Carries out headless commands on the chosen node and writes their replies. A refused line or a
/// failed command becomes an <c>error</c> event; nothing typed can stop the program but /quit.
/// </summary>
internal sealed class HeadlessSession
{
    private readonly IReadOnlyList<IMeshNode> _nodes;
    private readonly HeadlessEventWriter _writer;
    private readonly bool _lab;
    private int _current;

    /// <summary>Creates a session over started nodes.</summary>
    /// <param name="nodes">One node, or a lab's nodes.</param>
    /// <param name="writer">Where replies go.</param>
    /// <param name="lab">Whether replies carry a node index and <c>/as</c> is allowed.</param>
    public HeadlessSession(IReadOnlyList<IMeshNode> nodes, HeadlessEventWriter writer, bool lab)
    {
        _nodes = nodes;
        _writer = writer;
        _lab = lab;
    }

    /// <summary>Parses and runs one input line.</summary>
    /// <param name="line">The line, or null at end of input.</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    /// <returns>False when the session should end (/quit or end of input).</returns>
    public async Task<bool> ExecuteAsync(string? line, CancellationToken cancellationToken)
    {
        var parsed = SlashCommandParser.Parse(line);
        if (parsed.Error is not null)
        {
            _writer.WriteError(parsed.Error, Index);
            return true;
        }

        if (parsed.Command is null)
        {
            return true;
        }

        if (parsed.Command is SlashCommand.Quit)
        {
            return false;
        }

        try
        {
            await RunAsync(parsed.Command, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeCommandException ex)
        {
            _writer.WriteError(ex.Message, Index);
        }
        catch (FormatException ex)
        {
            _writer.WriteError(ex.Message, Index);
        }

        return true;
    }

    private int? Index => _lab ? _current : null;

    private IMeshNode Node => _nodes[_current];

    private async Task RunAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case SlashCommand.SendAll c:
                _writer.WriteSent(await Node.SendToAllAsync(c.Text, cancellationToken).ConfigureAwait(false), "all", Index);
                break;
            case SlashCommand.SendDirect c:
                _writer.WriteSent(await Node.SendDirectAsync(c.Target, c.Text, cancellationToken).ConfigureAwait(false), "direct", Index);
                break;
            case SlashCommand.Peers:
                _writer.WritePeers(await Node.GetPeersAsync(cancellationToken).ConfigureAwait(false), Index);
                break;
            case SlashCommand.Topology:
                _writer.WriteTopology(await Node.GetTopologyAsync(cancellationToken).ConfigureAwait(false), Index);
                break;
            case SlashCommand.Trace c:
                _writer.WriteTrace(await Node.TraceAsync(c.Target, cancellationToken).ConfigureAwait(false), Index);
                break;
            case SlashCommand.Connect c:
                var endpoint = TransportEndpoint.Parse(c.Endpoint);
                await Node.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                _writer.WriteOk("connect", "dialing " + endpoint, Index);
                break;
            case SlashCommand.Trust c:
                await Node.TrustAsync(c.Target, c.Fingerprint, cancellationToken).ConfigureAwait(false);
                _writer.WriteOk("trust", "trusted " + c.Target, Index);
                break;
            case SlashCommand.SpeakAs c:
                SpeakAs(c.Node);
                break;
            case SlashCommand.Help:
                _writer.WriteHelp(SlashCommandParser.Usage);
                break;
            default:
                _writer.WriteError("command not available here", Index);
                break;
        }
    }

    private void SpeakAs(int node)
    {
        if (!_lab)
        {
            _writer.WriteError("/as works only in meshnode lab", Index);
        }
        else if (node >= _nodes.Count)
        {
            _writer.WriteError($"no node {node}: this lab has nodes 0 to {_nodes.Count - 1}", Index);
        }
        else
        {
            _current = node;
            _writer.WriteOk("as", $"commands now go to node {node} ({Node.Name})", Index);
        }
    }
}
