namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private CellExtras? _extras;

    private CellExtras Extras
    {
        get
        {
            if (_extras is null)
            {
                Interlocked.CompareExchange(ref _extras, new CellExtras(), null);
            }

            return _extras;
        }
    }

    private SupervisorStrategy? CachedStrategy
    {
        get => _extras is null ? default : _extras.CachedStrategy;
        set
        {
            if (_extras is not null || !EqualityComparer<SupervisorStrategy?>.Default.Equals(value, default))
            {
                Extras.CachedStrategy = value;
            }
        }
    }

    private TimerScheduler? TimersState
    {
        get => _extras is null ? default : _extras.TimersState;
        set
        {
            if (_extras is not null || !EqualityComparer<TimerScheduler?>.Default.Equals(value, default))
            {
                Extras.TimersState = value;
            }
        }
    }

    private StashImpl? StashState
    {
        get => _extras is null ? default : _extras.StashState;
        set
        {
            if (_extras is not null || !EqualityComparer<StashImpl?>.Default.Equals(value, default))
            {
                Extras.StashState = value;
            }
        }
    }

    private TimeSpan? ReceiveTimeoutValue
    {
        get => _extras is null ? default : _extras.ReceiveTimeoutValue;
        set
        {
            if (_extras is not null || !EqualityComparer<TimeSpan?>.Default.Equals(value, default))
            {
                Extras.ReceiveTimeoutValue = value;
            }
        }
    }

    private ITimer? ReceiveTimeoutTimer
    {
        get => _extras is null ? default : _extras.ReceiveTimeoutTimer;
        set
        {
            if (_extras is not null || !EqualityComparer<ITimer?>.Default.Equals(value, default))
            {
                Extras.ReceiveTimeoutTimer = value;
            }
        }
    }

    private long LastActivity
    {
        get => _extras is null ? default : _extras.LastActivity;
        set
        {
            if (_extras is not null || !EqualityComparer<long>.Default.Equals(value, default))
            {
                Extras.LastActivity = value;
            }
        }
    }

    private ILoggingAdapter? LogAdapter
    {
        get => _extras is null ? default : _extras.LogAdapter;
        set
        {
            if (_extras is not null || !EqualityComparer<ILoggingAdapter?>.Default.Equals(value, default))
            {
                Extras.LogAdapter = value;
            }
        }
    }

    private Dictionary<IActorRef, object?>? Watching
    {
        get => _extras is null ? default : _extras.Watching;
        set
        {
            if (_extras is not null || !EqualityComparer<Dictionary<IActorRef, object?>?>.Default.Equals(value, default))
            {
                Extras.Watching = value;
            }
        }
    }

    private HashSet<IInternalActorRef>? Watchers
    {
        get => _extras is null ? default : _extras.Watchers;
        set
        {
            if (_extras is not null || !EqualityComparer<HashSet<IInternalActorRef>?>.Default.Equals(value, default))
            {
                Extras.Watchers = value;
            }
        }
    }

    private HashSet<IActorRef>? TerminatedQueued
    {
        get => _extras is null ? default : _extras.TerminatedQueued;
        set
        {
            if (_extras is not null || !EqualityComparer<HashSet<IActorRef>?>.Default.Equals(value, default))
            {
                Extras.TerminatedQueued = value;
            }
        }
    }

    private List<Receive>? BehaviorStack
    {
        get => _extras is null ? default : _extras.BehaviorStack;
        set
        {
            if (_extras is not null || !EqualityComparer<List<Receive>?>.Default.Equals(value, default))
            {
                Extras.BehaviorStack = value;
            }
        }
    }

    private object? FailedMessage
    {
        get => _extras is null ? default : _extras.FailedMessage;
        set
        {
            if (_extras is not null || !EqualityComparer<object?>.Default.Equals(value, default))
            {
                Extras.FailedMessage = value;
            }
        }
    }

    private ActorSynchronizationContext? AsyncContext
    {
        get => _extras is null ? default : _extras.AsyncContext;
        set
        {
            if (_extras is not null || !EqualityComparer<ActorSynchronizationContext?>.Default.Equals(value, default))
            {
                Extras.AsyncContext = value;
            }
        }
    }

    private Exception? PendingRecreate
    {
        get => _extras is null ? default : _extras.PendingRecreate;
        set
        {
            if (_extras is not null || !EqualityComparer<Exception?>.Default.Equals(value, default))
            {
                Extras.PendingRecreate = value;
            }
        }
    }
}
