using System.Collections.Concurrent;

namespace MeshNode.Actors;

/// <summary>
/// The system scheduler. Scheduled entries are kept in a set until they fire or are cancelled: timers that nobody
/// references could otherwise be collected (and silently never fire).
/// </summary>
internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    private readonly ConcurrentDictionary<Scheduled, byte> _active = new();

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "A repeated schedule needs a positive interval.");
        }

        return Schedule(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, Timeout.InfiniteTimeSpan, action);
    }

    public void CancelAll()
    {
        foreach (var entry in _active.Keys)
        {
            entry.Cancel();
        }
    }

    private Scheduled Schedule(TimeSpan delay, TimeSpan period, Action action)
    {
        var entry = new Scheduled(this, action, period != Timeout.InfiniteTimeSpan);
        _active[entry] = 0;
        entry.Start(time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
        return entry;
    }

    private sealed class Scheduled(TimeProviderScheduler owner, Action action, bool repeated) : ICancelable
    {
        private ITimer? _timer;
        private volatile bool _cancelled;

        public bool IsCancellationRequested => _cancelled;

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan period)
        {
            var timer = time.CreateTimer(static s => ((Scheduled)s!).Fire(), this, delay, period);
            _timer = timer;
            if (_cancelled)
            {
                timer.Dispose();
            }
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
            owner._active.TryRemove(this, out _);
        }

        private void Fire()
        {
            if (_cancelled)
            {
                return;
            }

            if (!repeated)
            {
                Cancel();
            }

            action();
        }
    }
}
