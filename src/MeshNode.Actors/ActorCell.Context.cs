namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private bool _isEventSubscriber;

    public TimeSpan? ReceiveTimeout => ReceiveTimeoutValue;

    internal ITimerScheduler Timers => TimersState ??= new TimerScheduler(this);

    internal IStash Stash => StashState ??= new StashImpl(this);

    public ILoggingAdapter GetLogger() => LogAdapter ??= new LoggingAdapter(System, Path.ToString());

    internal void MarkEventSubscriber() => Interlocked.Exchange(ref _isEventSubscriber, true);

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), $"{Path}: receive timeout must be positive (or null to turn it off).");
        }

        ReceiveTimeoutValue = timeout;
        if (timeout is null)
        {
            ReceiveTimeoutTimer?.Dispose();
            ReceiveTimeoutTimer = null;
            return;
        }

        RestartReceiveTimeout();
    }

    private void RestartReceiveTimeout()
    {
        var timeout = ReceiveTimeoutValue!.Value;
        LastActivity = System.TimeProvider.GetTimestamp();
        if (ReceiveTimeoutTimer is null)
        {
            ReceiveTimeoutTimer = System.TimeProvider.CreateTimer(
                static s => ((ActorCell)s!).Tell(ReceiveTimeoutFired.Instance),
                this,
                timeout,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            ReceiveTimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void CancelTimersAndReceiveTimeout()
    {
        TimersState?.CancelAll();
        ReceiveTimeoutTimer?.Dispose();
        ReceiveTimeoutTimer = null;
        ReceiveTimeoutValue = null;
    }
}
