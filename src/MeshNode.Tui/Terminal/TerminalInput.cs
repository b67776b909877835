namespace MeshNode.Tui.Terminal;

/// <summary>What a terminal reports to the UI loop: a key press or a change of size. The nested records are the kinds.</summary>
public abstract record TerminalInput
{
    private TerminalInput()
    {
    }

    /// <summary>A key was pressed (read without echo).</summary>
    /// <param name="Key">The key with its modifiers.</param>
    public sealed record KeyPressed(ConsoleKeyInfo Key) : TerminalInput;

    /// <summary>The terminal was resized; read <see cref="ITerminal.Size"/> for the new size.</summary>
    public sealed record Resized : TerminalInput;
}
