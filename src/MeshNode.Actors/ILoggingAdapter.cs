namespace MeshNode.Actors;

/// <summary>Writes <see cref="LogEvent"/>s with a fixed source (an actor's path). Get one with <see cref="IActorContext.GetLogger"/>.</summary>
public interface ILoggingAdapter
{
    /// <summary>True when events of this level are published (see <see cref="ActorSystemSettings.LogLevel"/>).</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Publishes a log event of the given level.</summary>
    void Log(LogLevel level, string message, Exception? cause = null);

    /// <summary>Publishes a Debug event.</summary>
    void Debug(string message);

    /// <summary>Publishes an Info event.</summary>
    void Info(string message);

    /// <summary>Publishes a Warning event.</summary>
    void Warning(string message, Exception? cause = null);

    /// <summary>Publishes an Error event.</summary>
    void Error(string message, Exception? cause = null);
}
