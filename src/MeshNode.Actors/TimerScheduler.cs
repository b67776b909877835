namespace MeshNode.Actors;

/// <summary>The cell's keyed timers (owner-only state; the TimeProvider callbacks only enqueue).</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), $"{cell.Path}: a periodic timer needs a positive interval.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer?.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer?.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Takes the message of a firing if it belongs to the current timer of its key.</summary>
    public bool TryTake(TimerFired fired, out object message)
    {
        if (_timers.TryGetValue(fired.Key, out var entry) && ReferenceEquals(entry.Fired, fired))
        {
            if (!entry.Periodic)
            {
                _timers.Remove(fired.Key);
                entry.Timer?.Dispose();
            }

            message = entry.Message;
            return true;
        }

        message = null!;
        return false;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new Entry(cell, message, new TimerFired(key), period != Timeout.InfiniteTimeSpan);
        _timers[key] = entry;
        entry.Timer = cell.System.TimeProvider.CreateTimer(
            static s => ((Entry)s!).Fire(), entry, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
    }

    private sealed class Entry(ActorCell cell, object message, TimerFired fired, bool periodic)
    {
        public object Message { get; } = message;

        public TimerFired Fired { get; } = fired;

        public bool Periodic { get; } = periodic;

        public ITimer? Timer { get; set; }

        public void Fire() => cell.Tell(Fired);
    }
}
