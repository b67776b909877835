namespace MeshNode.Actors;

/// <summary>
/// The rarely used state of an actor cell (timers, stash, watch bookkeeping, receive timeout, restart leftovers),
/// allocated on first use so a plain actor stays small. Owner-only, like the cell's other turn state.
/// </summary>
internal sealed class CellExtras
{
    public SupervisorStrategy? CachedStrategy;

    public TimerScheduler? TimersState;

    public StashImpl? StashState;

    public TimeSpan? ReceiveTimeoutValue;

    public ITimer? ReceiveTimeoutTimer;

    public long LastActivity;

    public ILoggingAdapter? LogAdapter;

    public Dictionary<IActorRef, object?>? Watching;

    public HashSet<IInternalActorRef>? Watchers;

    public HashSet<IActorRef>? TerminatedQueued;

    public List<Receive>? BehaviorStack;

    public object? FailedMessage;

    public ActorSynchronizationContext? AsyncContext;

    public Exception? PendingRecreate;
}
