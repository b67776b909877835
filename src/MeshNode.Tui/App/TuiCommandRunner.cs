using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Tui.Commands;
using MeshNode.Tui.Model;

namespace MeshNode.Tui.App;

/// <summary>
/// Runs the node-facing slash commands (and plain chat lines) on one node, off the UI loop, and
/// turns the outcome into a <see cref="CommandResult"/>. Every refusal by the node or bad argument
/// becomes an error notice: nothing typed can end the UI but /quit.
/// </summary>
internal static class TuiCommandRunner
{
    /// <summary>Runs <paramref name="command"/> on <paramref name="node"/>.</summary>
    /// <param name="node">The node the UI speaks for when the line was submitted.</param>
    /// <param name="index">That node's index (for the model).</param>
    /// <param name="command">The command.</param>
    /// <param name="conversation">The active tab when the line was submitted: null for everyone, else the peer node id.</param>
    /// <param name="cancellationToken">Fires when the UI leaves.</param>
    /// <returns>What to change in the UI.</returns>
    public static async Task<CommandResult> RunAsync(IMeshNode node, int index, SlashCommand command, string? conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            return await RunCoreAsync(node, index, command, conversation, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeCommandException ex)
        {
            return Notice(index, NoticeKind.Error, ex.Message);
        }
        catch (FormatException ex)
        {
            return Notice(index, NoticeKind.Error, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Notice(index, NoticeKind.Error, ex.Message);
        }
    }

    private static async Task<CommandResult> RunCoreAsync(IMeshNode node, int index, SlashCommand command, string? conversation, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case SlashCommand.Say say when conversation is null:
            case SlashCommand.SendAll:
                var text = command is SlashCommand.Say s ? s.Text : ((SlashCommand.SendAll)command).Text;
                var toAll = await node.SendToAllAsync(text, cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddOwnMessage(index, "all", toAll, text), RefreshViews: toAll.Queued);
            case SlashCommand.Say say:
                var inTab = await node.SendDirectAsync(conversation!, say.Text, cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddOwnMessage(index, conversation!, inTab, say.Text), RefreshViews: inTab.Queued);
            case SlashCommand.SendDirect direct:
                return await SendDirectAsync(node, index, direct, cancellationToken).ConfigureAwait(false);
            case SlashCommand.Peers:
                var peers = await node.GetPeersAsync(cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddNotice(index, NoticeKind.Info, NoticeText.Peers(peers)));
            case SlashCommand.Topology:
                var topology = await node.GetTopologyAsync(cancellationToken).ConfigureAwait(false);
                return new CommandResult(
                    m =>
                    {
                        m.ApplyTopology(index, topology);
                        m.AddNotice(index, NoticeKind.Info, NoticeText.Topology(topology));
                    });
            case SlashCommand.Trace trace:
                var path = await node.TraceAsync(trace.Target, cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddNotice(index, NoticeKind.Info, NoticeText.Trace(path)));
            case SlashCommand.Connect connect:
                var endpoint = TransportEndpoint.Parse(connect.Endpoint);
                await node.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddNotice(index, NoticeKind.Info, $"dialing {endpoint}"), RefreshViews: true);
            case SlashCommand.Trust trust:
                await node.TrustAsync(trust.Target, trust.Fingerprint, cancellationToken).ConfigureAwait(false);
                return new CommandResult(m => m.AddNotice(index, NoticeKind.Info, $"trusted {NoticeText.Clip(trust.Target)}: its messages are no longer flagged"), RefreshViews: true);
            default:
                // /as, /help and /quit act on the UI itself and are handled by the loop.
                return Notice(index, NoticeKind.Error, "command not available here");
        }
    }

    private static async Task<CommandResult> SendDirectAsync(IMeshNode node, int index, SlashCommand.SendDirect direct, CancellationToken cancellationToken)
    {
        var outcome = await node.SendDirectAsync(direct.Target, direct.Text, cancellationToken).ConfigureAwait(false);

        // The node resolved the name; resolve it the same way to file the message under its tab.
        var peers = await node.GetPeersAsync(cancellationToken).ConfigureAwait(false);
        var peer = PeerMatch.Find(peers, direct.Target);
        if (peer is null)
        {
            return new CommandResult(m => m.AddNotice(index, NoticeKind.Info, $"sent to {NoticeText.Clip(direct.Target)}{(outcome.Queued ? " (queued until they are back)" : string.Empty)}"), RefreshViews: outcome.Queued);
        }

        return new CommandResult(m => m.AddOwnMessage(index, peer.NodeId, outcome, direct.Text), RefreshViews: outcome.Queued, OpenConversation: peer.NodeId);
    }

    private static CommandResult Notice(int index, NoticeKind kind, string text) =>
        new(m => m.AddNotice(index, kind, text));
}
