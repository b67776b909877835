namespace MeshNode.Actors;

/// <summary>
/// Supervises one child and recreates it with exponential backoff (see <see cref="BackoffOptions"/>). Every message
/// other than its own protocol is forwarded to the child (to dead letters while there is none).
/// </summary>
public sealed class BackoffSupervisor : ActorBase, IWithTimers
{
    private const string StartKey = "backoff-start";
    private const string ResetKey = "backoff-reset";
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private bool _childFailed;
    private int _restartCount;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
    }

    /// <summary>Ask for the current child; the reply is <see cref="CurrentChild"/>.</summary>
    public static object GetCurrentChild { get; } = new GetCurrentChildRequest();

    /// <summary>Resets the restart count to zero.</summary>
    public static object Reset { get; } = new ResetRequest();

    /// <summary>Ask for the restart count; the reply is <see cref="RestartCount"/>.</summary>
    public static object GetRestartCount { get; } = new GetRestartCountRequest();

    /// <summary>The kernel sets this.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a backoff supervisor.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0 for the first).</summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var factor = 1.0 + (random.NextDouble() * randomFactor);
        if (restartCount >= 30)
        {
            return maxBackoff * factor;
        }

        var exponential = minBackoff.Ticks * Math.Pow(2, restartCount);
        var capped = Math.Min(maxBackoff.Ticks, exponential);
        return TimeSpan.FromTicks((long)(capped * factor));
    }

    /// <inheritdoc/>
    protected override void PreStart() => StartChild();

    /// <inheritdoc/>
    protected override void PostRestart(Exception reason)
    {
        // The child survives a restart of the supervisor only if PreRestart kept it; start one otherwise.
        if (Context.Child(_options.ChildName) is var existing && !ReferenceEquals(existing, ActorRefs.Nobody))
        {
            _child = Context.Watch(existing);
        }
        else
        {
            StartChild();
        }
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy()
    {
        if (!_options.RestartOnFailure)
        {
            return new OneForOneStrategy(_options.Decider);
        }

        return new OneForOneStrategy(ex =>
        {
            var directive = _options.Decider(ex);
            if (directive == Directive.Restart)
            {
                // Stop it now; the Terminated that follows schedules the restart after backoff.
                _childFailed = true;
                return Directive.Stop;
            }

            return directive;
        });
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when ReferenceEquals(t.ActorRef, _child):
                OnChildTerminated();
                return true;
            case Terminated:
                return true;
            case StartChildTick:
                if (_child is null)
                {
                    StartChild();
                }

                return true;
            case ResetTick tick:
                if (tick.Count == _restartCount)
                {
                    _restartCount = 0;
                }

                return true;
            case ResetRequest:
                _restartCount = 0;
                return true;
            case GetCurrentChildRequest:
                Sender?.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCountRequest:
                Sender?.Tell(new RestartCount(_restartCount), Self);
                return true;
            default:
                if (_child is not null)
                {
                    _child.Tell(message, Sender);
                }
                else
                {
                    Context.System.DeadLetters.Tell(message, Sender);
                }

                return true;
        }
    }

    private void StartChild()
    {
        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetBackoff is { } reset && _restartCount > 0)
        {
            Timers.StartSingleTimer(ResetKey, new ResetTick(_restartCount), reset);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetKey);
        var restart = !_options.RestartOnFailure || _childFailed;
        if (!restart || (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries))
        {
            Context.Stop(Self);
            return;
        }

        var delay = CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, _options.Random);
        _restartCount++;
        Timers.StartSingleTimer(StartKey, StartChildTick.Instance, delay);
    }

    /// <summary>Reply to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The child, or null while it is being restarted.</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Reply to <see cref="GetRestartCount"/>.</summary>
    /// <param name="Count">Restarts since the last reset.</param>
    public sealed record RestartCount(int Count);

    private sealed class GetCurrentChildRequest;

    private sealed class ResetRequest;

    private sealed class GetRestartCountRequest;

    private sealed class StartChildTick
    {
        public static StartChildTick Instance { get; } = new();
    }

    private sealed record ResetTick(int Count);
}
