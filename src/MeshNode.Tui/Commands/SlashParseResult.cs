namespace MeshNode.Tui.Commands;

/// <summary>The outcome of parsing one input line: a command, nothing (blank line), or an error to show the user.</summary>
/// <param name="Command">The command, or null.</param>
/// <param name="Error">Why the line was refused, or null.</param>
public sealed record SlashParseResult(SlashCommand? Command, string? Error)
{
    /// <summary>A blank line: nothing to do.</summary>
    public static SlashParseResult Nothing { get; } = new(null, null);

    /// <summary>A parsed command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The result.</returns>
    public static SlashParseResult Of(SlashCommand command) => new(command, null);

    /// <summary>A refused line.</summary>
    /// <param name="error">The message for the user.</param>
    /// <returns>The result.</returns>
    public static SlashParseResult Fail(string error) => new(null, error);
}
