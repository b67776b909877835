namespace MeshNode.Actors;

/// <summary>
/// A log line, published on the event stream (and given to <see cref="ActorSystemSettings.LogSink"/>). The kernel has
/// no logging dependency: hosts subscribe to this type and forward it to their logger.
/// </summary>
/// <param name="Level">Severity.</param>
/// <param name="Source">The actor path (or component name) the line is about, e.g. <c>/user/node/links/peer-3f2a</c>.</param>
/// <param name="Message">The text.</param>
/// <param name="Cause">The exception, if any.</param>
/// <param name="Timestamp">When, from the system's TimeProvider.</param>
public sealed record LogEvent(LogLevel Level, string Source, string Message, Exception? Cause, DateTimeOffset Timestamp)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var line = $"[{Level}] [{Timestamp:HH:mm:ss.fff}] [{Source}] {Message}";
        return Cause is null ? line : line + Environment.NewLine + Cause;
    }
}
