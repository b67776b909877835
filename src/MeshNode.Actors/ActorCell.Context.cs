namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private TimerScheduler? _timers;
    private StashImpl? _stash;
    private TimeSpan? _receiveTimeout;
    private ITimer? _receiveTimeoutTimer;
    private long _lastActivity;
    private bool _isEventSubscriber;
    private ILoggingAdapter? _log;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    internal ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    internal IStash Stash => _stash ??= new StashImpl(this);

    public ILoggingAdapter GetLogger() => _log ??= new LoggingAdapter(System, Path.ToString());

    internal void MarkEventSubscriber() => _isEventSubscriber = true;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), $"{Path}: receive timeout must be positive (or null to turn it off).");
        }

        _receiveTimeout = timeout;
        if (timeout is null)
        {
            _receiveTimeoutTimer?.Dispose();
            _receiveTimeoutTimer = null;
            return;
        }

        RestartReceiveTimeout();
    }

    private void RestartReceiveTimeout()
    {
        var timeout = _receiveTimeout!.Value;
        _lastActivity = System.TimeProvider.GetTimestamp();
        if (_receiveTimeoutTimer is null)
        {
            _receiveTimeoutTimer = System.TimeProvider.CreateTimer(
                static s => ((ActorCell)s!).Tell(ReceiveTimeoutFired.Instance),
                this,
                timeout,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            _receiveTimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void CancelTimersAndReceiveTimeout()
    {
        _timers?.CancelAll();
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
        _receiveTimeout = null;
    }
}
