namespace MeshNode.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>. Every property has a sensible default.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>Source of time for timers, the scheduler, receive timeouts, Ask timeouts and restart windows. Default: system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Messages an actor processes per turn on a thread-pool thread before yielding (default 30, Akka's default):
    /// higher favors throughput, lower favors fairness between actors.
    /// </summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Timeout of an Ask that is given none (default 5 s).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many dead letters are logged per <see cref="DeadLetterLogInterval"/> (default 10; 0 disables logging). All are still published.</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary>The window of <see cref="DeadLetterLogLimit"/> (default 1 minute).</summary>
    public TimeSpan DeadLetterLogInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Minimum level of published <see cref="LogEvent"/>s (default Info).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    /// <summary>Optional sink called synchronously for every published log event (besides the event stream).</summary>
    public Action<LogEvent>? LogSink { get; init; }

    /// <summary>
    /// The strategy of the <c>/user</c> guardian for top-level actors (default: <see cref="SupervisorStrategy.DefaultStrategy"/>,
    /// so a failing top-level actor is restarted). If it escalates, the guardian stops and the system terminates.
    /// </summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;
}
