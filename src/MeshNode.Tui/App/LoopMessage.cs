using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.App;

/// <summary>
/// Everything that reaches the UI loop, through its one channel: node events, terminal input,
/// results of work done off the loop, and timers. The loop is the only code that touches the model.
/// </summary>
internal abstract record LoopMessage
{
    private LoopMessage()
    {
    }

    /// <summary>A node published an event.</summary>
    public sealed record NodeEventArrived(int Node, NodeEvent Event) : LoopMessage;

    /// <summary>A node's event stream ended (the node stopped).</summary>
    public sealed record NodeEventsEnded(int Node) : LoopMessage;

    /// <summary>A key or a resize.</summary>
    public sealed record Input(TerminalInput Value) : LoopMessage;

    /// <summary>Work done off the loop (a fetch, a history load) whose result the loop applies to the model.</summary>
    public sealed record Update(Action<TuiModel> Apply) : LoopMessage;

    /// <summary>A command finished on a node.</summary>
    public sealed record CommandDone(int Node, CommandResult Result) : LoopMessage;

    /// <summary>A fetch of a node's peers, status and topology finished (successfully or not).</summary>
    public sealed record RefreshDone(int Node, string? Error) : LoopMessage;

    /// <summary>The throttle of a node's fetches let the next one start.</summary>
    public sealed record RefreshDue(int Node) : LoopMessage;

    /// <summary>The redraw interval passed since the last frame.</summary>
    public sealed record RedrawDue : LoopMessage;

    /// <summary>A topology highlight reached its expiry time.</summary>
    public sealed record ExpiryDue : LoopMessage;
}
