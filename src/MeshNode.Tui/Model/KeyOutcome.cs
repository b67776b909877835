namespace MeshNode.Tui.Model;

/// <summary>What the app loop must do after <see cref="TuiModel.HandleKey"/> handled a key.</summary>
internal abstract record KeyOutcome
{
    private KeyOutcome()
    {
    }

    /// <summary>The key changed nothing.</summary>
    public sealed record None : KeyOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly None Instance = new();
    }

    /// <summary>The key changed what is drawn (focus, selection, scroll, input).</summary>
    public sealed record Redraw : KeyOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly Redraw Instance = new();
    }

    /// <summary>Enter on a non-empty input line: the app runs it as a command or sends it to the active tab.</summary>
    public sealed record Submit(string Line) : KeyOutcome;

    /// <summary>A direct tab was opened from the peer list: the app loads that conversation's history.</summary>
    public sealed record OpenedConversation(string PeerNodeId) : KeyOutcome;

    /// <summary>Ctrl+C: leave cleanly.</summary>
    public sealed record Quit : KeyOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly Quit Instance = new();
    }
}
