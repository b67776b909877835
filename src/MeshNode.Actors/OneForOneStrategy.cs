namespace MeshNode.Actors;

/// <summary>A strategy whose directive applies to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; see <see cref="SupervisorStrategy"/> for the meaning of the limits.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    internal override void Apply(ActorCell supervisor, ChildRestartStats failed, Exception cause, Directive directive)
    {
        if (directive == Directive.Restart
            && failed.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, supervisor.System.TimeProvider))
        {
            failed.Child.SendSystemMessage(new Recreate(cause));
        }
        else
        {
            supervisor.Stop(failed.Child);
        }
    }
}
