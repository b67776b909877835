namespace MeshNode.Tui.Terminal;

/// <summary>The visible size of a terminal, in character cells.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
public readonly record struct TerminalSize(int Width, int Height);
