using MeshNode.Tui.Model;

namespace MeshNode.Tui.App;

/// <summary>What a command run on a node changes in the UI, applied by the loop.</summary>
/// <param name="Apply">The change to the model (a sent message, a notice...).</param>
/// <param name="RefreshViews">Whether the node's peers, status and topology should be fetched again (after /trust, /connect).</param>
/// <param name="OpenConversation">A direct conversation to open and load (after /msg), as a peer node id, or null.</param>
internal sealed record CommandResult(Action<TuiModel> Apply, bool RefreshViews = false, string? OpenConversation = null);
