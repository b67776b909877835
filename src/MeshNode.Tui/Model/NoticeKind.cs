namespace MeshNode.Tui.Model;

/// <summary>How loud a notice in the chat pane is: command replies are Info, problems Warning or Error.</summary>
internal enum NoticeKind
{
    /// <summary>A command reply or listing (/peers, /trace).</summary>
    Info,

    /// <summary>Something the user should know that did not stop anything.</summary>
    Warning,

    /// <summary>A command or operation failed.</summary>
    Error,
}
