namespace MeshNode.Actors.TestKit;

/// <summary>
/// A virtual clock for tests. Time moves only when you call <see cref="Advance"/> or <see cref="SetUtcNow"/>, which fire
/// due timers synchronously on the calling thread in due-time order (ties in creation order), re-arming periodic
/// ones. Timers follow <see cref="ITimer"/> semantics (Change, Dispose); a zero due time fires at once.
/// </summary>
public sealed class TestScheduler : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TestTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates the clock at <paramref name="start"/> (default 2000-01-01 UTC).</summary>
    public TestScheduler(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Timers that are armed.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TestTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>, firing every timer due on the way.</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "Virtual time cannot go backwards.");
        }

        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + duration;
        }

        RunUntil(target);
    }

    /// <summary>Sets the clock to <paramref name="value"/> (not earlier than now), firing every timer due on the way.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_lock)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"Virtual time cannot go backwards (now {_now:O}).");
            }
        }

        RunUntil(value);
    }

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            TestTimer? next = null;
            lock (_lock)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due <= target && (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.Due > _now)
                {
                    _now = next.Due;
                }

                if (next.Period > TimeSpan.Zero)
                {
                    next.Due += next.Period;
                    next.Sequence = ++_sequence;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    private bool Arm(TestTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_lock)
        {
            if (timer.Disposed)
            {
                return false;
            }

            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            if (dueTime < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(dueTime), "Due time must be non-negative or infinite.");
            }

            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.Due = _now + dueTime;
            timer.Sequence = ++_sequence;
            if (dueTime == TimeSpan.Zero)
            {
                fireNow = true;
                if (timer.Period > TimeSpan.Zero)
                {
                    timer.Due += timer.Period;
                    _timers.Add(timer);
                }
            }
            else
            {
                _timers.Add(timer);
            }
        }

        if (fireNow)
        {
            timer.Fire();
        }

        return true;
    }

    private void Disarm(TestTimer timer)
    {
        lock (_lock)
        {
            timer.Disposed = true;
            _timers.Remove(timer);
        }
    }

    private sealed class TestTimer(TestScheduler owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Arm(this, dueTime, period);

        public void Fire() => callback(state);

        public void Dispose() => owner.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
