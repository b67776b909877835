namespace MeshNode.Cli.Headless;

/// <summary>The outcome of parsing one input line: a command, nothing (blank line), or an error to report.</summary>
/// <param name="Command">The command, or null.</param>
/// <param name="Error">Why the line was refused, or null.</param>
internal sealed record HeadlessParseResult(HeadlessCommand? Command, string? Error)
{
    /// <summary>A blank line: nothing to do.</summary>
    public static HeadlessParseResult Nothing { get; } = new(null, null);

    /// <summary>A parsed command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The result.</returns>
    public static HeadlessParseResult Of(HeadlessCommand command) => new(command, null);

    /// <summary>A refused line.</summary>
    /// <param name="error">The message for the user.</param>
    /// <returns>The result.</returns>
    public static HeadlessParseResult Fail(string error) => new(null, error);
}
