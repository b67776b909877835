namespace MeshNode.Actors;

/// <summary>
/// Schedules messages and actions through the system's TimeProvider (so a virtual clock drives them in tests).
/// Inside actors prefer <see cref="IWithTimers"/>, whose timers are cancelled with the actor.
/// </summary>
public interface IScheduler
{
    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on a timer thread (keep it short; do not touch actor state).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
