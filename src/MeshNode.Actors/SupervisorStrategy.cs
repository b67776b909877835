namespace MeshNode.Actors;

/// <summary>
/// Decides what happens to a child that failed. Give one to an actor by overriding
/// <see cref="ActorBase.SupervisorStrategy"/> or with <see cref="Props.WithSupervisorStrategy"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy with the given decider and retry limits.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 means no limit. When exceeded the child is stopped.</param>
    /// <param name="withinTimeRange">The window restarts are counted in; <see cref="Timeout.InfiniteTimeSpan"/> counts for the child's whole life.</param>
    /// <param name="decider">Maps an exception to a directive.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>
    /// Akka's default: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> stop the child; any other exception restarts it, without limit.
    /// </summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops the failing child whatever the exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; -1 means no limit.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window restarts are counted in.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>The decider of <see cref="DefaultStrategy"/>.</summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies a Restart or Stop decision (the kernel calls this on the supervisor's turn).</summary>
    internal abstract void Apply(ActorCell supervisor, ChildRestartStats failed, Exception cause, Directive directive);
}
