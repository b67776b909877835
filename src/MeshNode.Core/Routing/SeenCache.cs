namespace MeshNode.Core.Routing;

/// <summary>
/// The router's dedup cache: remembers which (origin, message id) pairs this node has already
/// handled, bounded both by count (the oldest entry is evicted to make room) and by age (entries
/// older than the maximum age are forgotten).
/// </summary>
/// <remarks>
/// <para>
/// Layout: a pre-sized <see cref="HashSet{T}"/> of 32-byte struct keys for membership, and a ring
/// buffer of (key, timestamp) in insertion order for eviction. Neither holds an object per entry,
/// so an entry costs about 80 bytes and <see cref="TryAdd(NodeKey, MessageId)"/> is O(1)
/// (amortised: expired entries are dropped from the ring's head as they are met).
/// </para>
/// <para>
/// Age is measured with <see cref="TimeProvider.GetTimestamp"/> of the injected provider, so a
/// fake provider drives it in tests. Not thread-safe: it belongs to one actor.
/// </para>
/// <para>
/// The age bound must exceed the time an envelope can live in the mesh (hop limit times the
/// worst per-hop delay), or a late copy is taken for new; the count bound caps memory when a
/// peer floods ids, at the price of forgetting early (a forgotten id that comes back is handled
/// twice, never lost).
/// </para>
/// </remarks>
public sealed class SeenCache
{
    private readonly HashSet<SeenKey> _keys;
    private readonly Entry[] _ring;
    private readonly TimeProvider _time;
    private readonly long _maxAgeTicks;
    private int _head;
    private int _count;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">The most entries kept (at least 1); memory is reserved up front.</param>
    /// <param name="maxAge">How long an entry is remembered (positive).</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> in production.</param>
    public SeenCache(int capacity, TimeSpan maxAge, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _keys = new HashSet<SeenKey>(capacity);
        _ring = new Entry[capacity];
        _time = time;
        _maxAgeTicks = checked((long)(maxAge.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)));
        MaxAge = maxAge;
    }

    /// <summary>The most entries kept.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How long an entry is remembered.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>The entries currently remembered (expired ones are dropped lazily, see <see cref="Prune"/>).</summary>
    public int Count => _count;

    /// <summary>
    /// Records the pair and returns true when it was not already remembered (the envelope is new
    /// and should be handled); false for a duplicate.
    /// </summary>
    public bool TryAdd(NodeKey origin, MessageId id)
    {
        var now = _time.GetTimestamp();
        DropExpired(now);
        var key = new SeenKey(origin, id);
        if (!_keys.Add(key))
        {
            return false;
        }

        if (_count == _ring.Length)
        {
            // Full: the oldest entry makes room (count bound).
            _keys.Remove(_ring[_head].Key);
            _head = Next(_head);
            _count--;
        }

        _ring[(_head + _count) % _ring.Length] = new Entry(key, now);
        _count++;
        return true;
    }

    /// <summary>
    /// Records the pair given as raw bytes (16-byte message id, as on the wire).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="messageId"/> is not 16 bytes.</exception>
    public bool TryAdd(NodeKey origin, ReadOnlySpan<byte> messageId) => TryAdd(origin, new MessageId(messageId));

    /// <summary>True when the pair is remembered and not older than the maximum age; records nothing.</summary>
    public bool Contains(NodeKey origin, MessageId id)
    {
        DropExpired(_time.GetTimestamp());
        return _keys.Contains(new SeenKey(origin, id));
    }

    /// <summary>
    /// Forgets every entry older than the maximum age. <see cref="TryAdd(NodeKey, MessageId)"/>
    /// does this as it goes; call it from a timer so an idle node gives the memory back too.
    /// </summary>
    /// <returns>How many entries were forgotten.</returns>
    public int Prune()
    {
        var before = _count;
        DropExpired(_time.GetTimestamp());
        return before - _count;
    }

    private void DropExpired(long now)
    {
        while (_count > 0 && now - _ring[_head].Timestamp > _maxAgeTicks)
        {
            _keys.Remove(_ring[_head].Key);
            _ring[_head] = default;
            _head = Next(_head);
            _count--;
        }
    }

    private int Next(int index) => index + 1 == _ring.Length ? 0 : index + 1;

    private readonly record struct Entry(SeenKey Key, long Timestamp);
}
