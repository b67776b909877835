namespace MeshNode.Core.Routing;

/// <summary>
/// Store-and-forward at a relay (DESIGN section 4): directed envelopes for destinations this node
/// has no path to, kept exactly as they would be forwarded until a path or a link to the
/// destination appears. Bounded by count (in all and per destination), by total bytes and by
/// age; when a bound is hit the oldest envelope goes and is counted, never silently.
/// </summary>
/// <remarks>
/// Keeps a reference to the memory it is given: pass a buffer nobody reuses. Holding the same
/// (origin, id) twice is refused, so a retried or re-flooded envelope costs one slot. Not
/// thread-safe: it belongs to the router actor.
/// </remarks>
internal sealed class RelayQueue
{
    private readonly Dictionary<NodeKey, List<Item>> _byDestination = [];
    private readonly Queue<Item> _order = new();
    private readonly HashSet<SeenKey> _held = [];
    private readonly Dictionary<NodeKey, int> _expiredSincePrune = [];
    private readonly TimeProvider _time;
    private readonly long _maxAgeTicks;

    /// <param name="maxCount">Envelopes held in all; 0 disables the queue.</param>
    /// <param name="maxPerDestination">Envelopes held for one destination; 0 disables the queue.</param>
    /// <param name="maxBytes">Bytes held in all; a larger envelope is not held.</param>
    /// <param name="maxAge">How long an envelope is held (positive).</param>
    /// <param name="time">The clock.</param>
    public RelayQueue(int maxCount, int maxPerDestination, long maxBytes, TimeSpan maxAge, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerDestination);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        MaxCount = maxCount;
        MaxPerDestination = maxPerDestination;
        MaxBytes = maxBytes;
        _time = time;
        _maxAgeTicks = checked((long)(maxAge.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)));
    }

    /// <summary>Envelopes held in all.</summary>
    public int MaxCount { get; }

    /// <summary>Envelopes held for one destination.</summary>
    public int MaxPerDestination { get; }

    /// <summary>Bytes held in all.</summary>
    public long MaxBytes { get; }

    /// <summary>False when a bound is 0: nothing is ever held.</summary>
    public bool Enabled => MaxCount > 0 && MaxPerDestination > 0 && MaxBytes > 0;

    /// <summary>Envelopes held now.</summary>
    public int Count => _held.Count;

    /// <summary>Bytes held now.</summary>
    public long Bytes { get; private set; }

    /// <summary>Destinations with something held, in no particular order.</summary>
    public IReadOnlyCollection<NodeKey> Destinations => _byDestination.Keys;

    /// <summary>Envelopes dropped so far to make room (count, bytes or per-destination bound).</summary>
    public long Evicted { get; private set; }

    /// <summary>Envelopes dropped so far because they were held longer than the max age.</summary>
    public long Expired { get; private set; }

    /// <summary>
    /// Holds an envelope for <paramref name="destination"/>. False when the queue is disabled,
    /// the envelope alone exceeds <see cref="MaxBytes"/>, or the same (origin, id) is already held.
    /// </summary>
    public bool Add(NodeKey destination, NodeKey origin, MessageId id, ReadOnlyMemory<byte> envelope)
    {
        var key = new SeenKey(origin, id);
        if (!Enabled || envelope.Length > MaxBytes || _held.Contains(key))
        {
            return false;
        }

        DropExpired(_time.GetTimestamp());
        if (!_byDestination.TryGetValue(destination, out var list))
        {
            list = [];
            _byDestination.Add(destination, list);
        }

        if (list.Count >= MaxPerDestination)
        {
            Remove(list[0]);
            Evicted++;
        }

        var item = new Item(destination, key, envelope, _time.GetTimestamp());
        list.Add(item);
        if (_order.Count >= (2 * MaxCount) + 16)
        {
            // Taken items stay in the age queue until they reach its head; rebuild it now and then
            // so a long-held envelope at the head cannot make the queue grow without bound.
            var live = _order.Where(i => !i.Removed).ToArray();
            _order.Clear();
            foreach (var kept in live)
            {
                _order.Enqueue(kept);
            }
        }

        _order.Enqueue(item);
        _held.Add(key);
        Bytes += envelope.Length;
        while (_held.Count > MaxCount || Bytes > MaxBytes)
        {
            if (!TryRemoveOldest())
            {
                break;
            }

            Evicted++;
        }

        return true;
    }

    /// <summary>Takes everything held for <paramref name="destination"/>, oldest first; empty when nothing is.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> TakeFor(NodeKey destination)
    {
        DropExpired(_time.GetTimestamp());
        if (!_byDestination.Remove(destination, out var list))
        {
            return [];
        }

        var taken = new ReadOnlyMemory<byte>[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            item.Removed = true;
            _held.Remove(item.Key);
            Bytes -= item.Envelope.Length;
            taken[i] = item.Envelope;
        }

        return taken;
    }

    /// <summary>
    /// Drops what is older than the max age; call from a timer so an idle node frees it too.
    /// Returns how many expired per destination since the last call (empty when none).
    /// </summary>
    public IReadOnlyDictionary<NodeKey, int> Prune()
    {
        DropExpired(_time.GetTimestamp());
        if (_expiredSincePrune.Count == 0)
        {
            return _expiredSincePrune;
        }

        // Includes what Add and TakeFor dropped on the way, so every expiry is reported once.
        var dropped = new Dictionary<NodeKey, int>(_expiredSincePrune);
        _expiredSincePrune.Clear();
        return dropped;
    }

    private void DropExpired(long now)
    {
        var dropped = _expiredSincePrune;
        while (_order.TryPeek(out var oldest) && (oldest.Removed || now - oldest.AddedAt > _maxAgeTicks))
        {
            _order.Dequeue();
            if (oldest.Removed)
            {
                continue;
            }

            Remove(oldest);
            Expired++;
            dropped[oldest.Destination] = dropped.GetValueOrDefault(oldest.Destination) + 1;
        }
    }

    private bool TryRemoveOldest()
    {
        while (_order.TryDequeue(out var oldest))
        {
            if (!oldest.Removed)
            {
                Remove(oldest);
                return true;
            }
        }

        return false;
    }

    private void Remove(Item item)
    {
        // The item may stay in _order marked Removed; DropExpired and TryRemoveOldest skip it.
        item.Removed = true;
        _held.Remove(item.Key);
        Bytes -= item.Envelope.Length;
        if (_byDestination.TryGetValue(item.Destination, out var list))
        {
            list.Remove(item);
            if (list.Count == 0)
            {
                _byDestination.Remove(item.Destination);
            }
        }
    }

    private sealed class Item(NodeKey destination, SeenKey key, ReadOnlyMemory<byte> envelope, long addedAt)
    {
        public NodeKey Destination { get; } = destination;

        public SeenKey Key { get; } = key;

        public ReadOnlyMemory<byte> Envelope { get; } = envelope;

        public long AddedAt { get; } = addedAt;

        public bool Removed { get; set; }
    }
}
