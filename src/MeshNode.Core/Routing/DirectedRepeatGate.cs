namespace MeshNode.Core.Routing;

/// <summary>
/// Decides when a repeated directed envelope (the sender's resend of the same signed envelope after
/// a lost receipt) may be passed on or delivered again: at most once per interval for each
/// (origin, id). A resend a second later gets through every relay that already carried the first
/// copy, while copies that arrive together by several paths still go out once. Bounded by count;
/// the oldest entries are forgotten first (a forgotten entry only lets one more copy through).
/// </summary>
internal sealed class DirectedRepeatGate
{
    private readonly Dictionary<SeenKey, long> _lastPassed = [];
    private readonly Queue<SeenKey> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;

    /// <summary>Creates a gate.</summary>
    /// <param name="capacity">Most (origin, id) pairs remembered.</param>
    /// <param name="interval">Least time between two passes of one envelope (<c>mesh.router.directed-repeat-interval</c>).</param>
    /// <param name="time">The node's clock.</param>
    public DirectedRepeatGate(int capacity, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _interval = interval;
        _time = time;
    }

    /// <summary>Pairs remembered now.</summary>
    public int Count => _lastPassed.Count;

    /// <summary>Records that the envelope went out now (its first pass).</summary>
    public void Passed(NodeKey origin, MessageId id) => Record(new SeenKey(origin, id), _time.GetTimestamp());

    /// <summary>
    /// For a copy the seen-cache already knows: true (and recorded) when the envelope last went out at
    /// least the interval ago, or is not remembered; false for a copy that arrived too soon.
    /// </summary>
    public bool TryPassAgain(NodeKey origin, MessageId id)
    {
        var key = new SeenKey(origin, id);
        var now = _time.GetTimestamp();
        if (_lastPassed.TryGetValue(key, out var last) && _time.GetElapsedTime(last, now) < _interval)
        {
            return false;
        }

        Record(key, now);
        return true;
    }

    private void Record(SeenKey key, long now)
    {
        if (_lastPassed.ContainsKey(key))
        {
            _lastPassed[key] = now;
            return;
        }

        while (_lastPassed.Count >= _capacity && _order.TryDequeue(out var oldest))
        {
            _lastPassed.Remove(oldest);
        }

        _lastPassed[key] = now;
        _order.Enqueue(key);
    }
}
