namespace MeshNode.Tui.Model;

/// <summary>The panes that can hold keyboard focus, in Tab order.</summary>
internal enum Pane
{
    /// <summary>The input line (default focus).</summary>
    Input,

    /// <summary>The peer list: Up/Down select, Enter opens a direct tab.</summary>
    Peers,

    /// <summary>The chat pane: Up/Down scroll.</summary>
    Chat,

    /// <summary>The live topology: Up/Down scroll.</summary>
    Topology,
}
