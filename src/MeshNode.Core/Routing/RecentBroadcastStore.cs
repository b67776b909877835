namespace MeshNode.Core.Routing;

/// <summary>
/// The envelopes of recent broadcasts, kept so the router can answer a neighbour's pull (see
/// <see cref="BroadcastRepair"/>) with the exact bytes it received. Bounded by count, by total
/// bytes and by age; the oldest go first.
/// </summary>
/// <remarks>
/// The store keeps a reference to the memory it is given: pass a buffer nobody reuses (copy out
/// of pooled buffers first). The age bound only needs to cover a pull's life
/// (<see cref="BroadcastRepairSettings.PullDelay"/> plus the retries), a few seconds. Not
/// thread-safe: it belongs to the router actor.
/// </remarks>
public sealed class RecentBroadcastStore
{
    private readonly Dictionary<SeenKey, ReadOnlyMemory<byte>> _envelopes = [];
    private readonly Queue<(SeenKey Key, long Timestamp)> _order = new();
    private readonly TimeProvider _time;
    private readonly long _maxAgeTicks;

    /// <summary>Creates an empty store.</summary>
    /// <param name="maxCount">The most envelopes kept (at least 1).</param>
    /// <param name="maxBytes">The most bytes kept in all (at least 1); a larger envelope is not kept.</param>
    /// <param name="maxAge">How long an envelope is kept (positive).</param>
    /// <param name="time">The clock.</param>
    public RecentBroadcastStore(int maxCount, long maxBytes, TimeSpan maxAge, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        MaxCount = maxCount;
        MaxBytes = maxBytes;
        _time = time;
        _maxAgeTicks = checked((long)(maxAge.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)));
    }

    /// <summary>The most envelopes kept.</summary>
    public int MaxCount { get; }

    /// <summary>The most bytes kept in all.</summary>
    public long MaxBytes { get; }

    /// <summary>Envelopes kept now.</summary>
    public int Count => _envelopes.Count;

    /// <summary>Bytes kept now.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// Keeps the envelope of a broadcast. False when one is already kept for the pair or the
    /// envelope alone exceeds <see cref="MaxBytes"/>.
    /// </summary>
    public bool Add(NodeKey origin, MessageId id, ReadOnlyMemory<byte> envelope)
    {
        var now = _time.GetTimestamp();
        DropExpired(now);
        var key = new SeenKey(origin, id);
        if (envelope.Length > MaxBytes || _envelopes.ContainsKey(key))
        {
            return false;
        }

        _envelopes.Add(key, envelope);
        _order.Enqueue((key, now));
        Bytes += envelope.Length;
        while (_envelopes.Count > MaxCount || Bytes > MaxBytes)
        {
            DropOldest();
        }

        return true;
    }

    /// <summary>The kept envelope of a broadcast, if it is still here.</summary>
    public bool TryGet(NodeKey origin, MessageId id, out ReadOnlyMemory<byte> envelope)
    {
        DropExpired(_time.GetTimestamp());
        return _envelopes.TryGetValue(new SeenKey(origin, id), out envelope);
    }

    /// <summary>The (origin, id) of every envelope kept, oldest first (what a digest to a new link lists).</summary>
    internal IReadOnlyList<SeenKey> Keys()
    {
        DropExpired(_time.GetTimestamp());
        var keys = new List<SeenKey>(_envelopes.Count);
        foreach (var (key, _) in _order)
        {
            if (_envelopes.ContainsKey(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Drops envelopes older than the max age; call from a timer so an idle node frees them.</summary>
    /// <returns>How many were dropped.</returns>
    public int Prune()
    {
        var before = _envelopes.Count;
        DropExpired(_time.GetTimestamp());
        return before - _envelopes.Count;
    }

    private void DropExpired(long now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.Timestamp > _maxAgeTicks)
        {
            DropOldest();
        }
    }

    private void DropOldest()
    {
        var (key, _) = _order.Dequeue();
        if (_envelopes.Remove(key, out var envelope))
        {
            Bytes -= envelope.Length;
        }
    }
}
