namespace MeshNode.Actors;

/// <summary>Publishes log events for one source on the system's event stream.</summary>
internal sealed class LoggingAdapter(ActorSystem system, string source) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => level >= system.Settings.LogLevel;

    public void Log(LogLevel level, string message, Exception? cause = null)
    {
        if (IsEnabled(level))
        {
            system.Publish(new LogEvent(level, source, message, cause, system.TimeProvider.GetUtcNow()));
        }
    }

    public void Debug(string message) => Log(LogLevel.Debug, message);

    public void Info(string message) => Log(LogLevel.Info, message);

    public void Warning(string message, Exception? cause = null) => Log(LogLevel.Warning, message, cause);

    public void Error(string message, Exception? cause = null) => Log(LogLevel.Error, message, cause);
}
