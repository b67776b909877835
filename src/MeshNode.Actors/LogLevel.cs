namespace MeshNode.Actors;

/// <summary>Severity of a <see cref="LogEvent"/>.</summary>
public enum LogLevel
{
    /// <summary>Detail for developers.</summary>
    Debug,

    /// <summary>Normal operation worth noting.</summary>
    Info,

    /// <summary>Something unexpected that the system handled.</summary>
    Warning,

    /// <summary>A failure (for example an actor that crashed).</summary>
    Error,
}
