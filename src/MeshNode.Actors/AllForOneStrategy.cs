namespace MeshNode.Actors;

/// <summary>
/// A strategy whose Restart and Stop apply to all children of the supervisor (Resume applies to the failed child only).
/// Use it when siblings depend on each other's state.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; see <see cref="SupervisorStrategy"/> for the meaning of the limits.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    internal override void Apply(ActorCell supervisor, ChildRestartStats failed, Exception cause, Directive directive)
    {
        var all = supervisor.ChildStatsSnapshot();
        var time = supervisor.System.TimeProvider;
        var allowed = directive == Directive.Restart;
        foreach (var stats in all)
        {
            // Every child's permission is requested (and counted), as Akka does.
            allowed &= stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, time);
        }

        foreach (var stats in all)
        {
            if (allowed)
            {
                stats.Child.SendSystemMessage(new Recreate(cause));
            }
            else
            {
                supervisor.Stop(stats.Child);
            }
        }
    }
}
