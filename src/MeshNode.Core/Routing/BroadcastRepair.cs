namespace MeshNode.Core.Routing;

/// <summary>
/// The pull side of broadcast repair (see <see cref="BroadcastForwarding"/>): remembers digests of
/// broadcasts this node has not received, and says when to ask which neighbour for them. The
/// router feeds it digests and arrivals, and on a timer (<see cref="TimeUntilNextPull"/>) takes
/// the due <see cref="PullRequest"/>s and sends them.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="BroadcastRepairSettings.MaxPending"/> missing messages and
/// <see cref="BroadcastRepairSettings.MaxCandidates"/> digest senders each, so a peer sending
/// digests for ids that do not exist costs a fixed amount of memory and a few pulls that go
/// unanswered. Not thread-safe: it belongs to the router actor.
/// </remarks>
public sealed class BroadcastRepair
{
    private readonly Dictionary<SeenKey, Pending> _pending = [];
    private readonly PriorityQueue<SeenKey, long> _due = new();
    private readonly BroadcastRepairSettings _settings;
    private readonly TimeProvider _time;
    private readonly long _pullDelayTicks;
    private readonly long _retryTicks;

    /// <summary>Creates an empty tracker.</summary>
    public BroadcastRepair(BroadcastRepairSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PullDelay, TimeSpan.Zero, nameof(settings.PullDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RetryInterval, TimeSpan.Zero, nameof(settings.RetryInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1, nameof(settings.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxPending, 1, nameof(settings.MaxPending));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxCandidates, 1, nameof(settings.MaxCandidates));
        _settings = settings;
        _time = time;
        var perTick = time.TimestampFrequency / (double)TimeSpan.TicksPerSecond;
        _pullDelayTicks = (long)(settings.PullDelay.Ticks * perTick);
        _retryTicks = (long)(settings.RetryInterval.Ticks * perTick);
    }

    /// <summary>Missing messages currently tracked.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Digests dropped because <see cref="BroadcastRepairSettings.MaxPending"/> messages were already tracked.</summary>
    public long DroppedDigests { get; private set; }

    /// <summary>Messages given up on after <see cref="BroadcastRepairSettings.MaxAttempts"/> pulls or with no sender left.</summary>
    public long GaveUp { get; private set; }

    /// <summary>
    /// A neighbour says it has a broadcast. Call only when the dedup cache does not know it.
    /// Returns true when the message is newly tracked (its first pull is scheduled).
    /// </summary>
    public bool OnDigest(NodeKey origin, MessageId id, NodeKey from) => OnDigest(origin, id, from, TimeSpan.Zero);

    /// <summary>
    /// As <see cref="OnDigest(NodeKey, MessageId, NodeKey)"/>, with the first pull due
    /// <paramref name="extraDelay"/> later than <see cref="BroadcastRepairSettings.PullDelay"/>
    /// (the router adds the round trip of the link the tree copy comes on, so a slow link's copy
    /// is not taken for a loss).
    /// </summary>
    public bool OnDigest(NodeKey origin, MessageId id, NodeKey from, TimeSpan extraDelay)
    {
        var key = new SeenKey(origin, id);
        if (_pending.TryGetValue(key, out var pending))
        {
            if (pending.Candidates.Count < _settings.MaxCandidates && !pending.Candidates.Contains(from))
            {
                pending.Candidates.Add(from);
            }

            return false;
        }

        if (_pending.Count >= _settings.MaxPending)
        {
            DroppedDigests++;
            return false;
        }

        var extraTicks = extraDelay > TimeSpan.Zero ? (long)(extraDelay.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)) : 0;
        pending = new Pending(_time.GetTimestamp() + _pullDelayTicks + extraTicks);
        pending.Candidates.Add(from);
        _pending.Add(key, pending);
        _due.Enqueue(key, pending.DueAt);
        return true;
    }

    /// <summary>The broadcast arrived (by any path): stop tracking it.</summary>
    public void OnReceived(NodeKey origin, MessageId id) => _pending.Remove(new SeenKey(origin, id));

    /// <summary>A link went down: never ask it again.</summary>
    public void OnLinkDown(NodeKey peer)
    {
        foreach (var pending in _pending.Values)
        {
            pending.Candidates.Remove(peer);
        }
    }

    /// <summary>
    /// The pulls due now, each to send to its <see cref="PullRequest.Peer"/>. Each message asks its
    /// digest senders in turn, one per <see cref="BroadcastRepairSettings.RetryInterval"/>, until
    /// it arrives or the attempts run out.
    /// </summary>
    public IReadOnlyList<PullRequest> TakeDuePulls()
    {
        var now = _time.GetTimestamp();
        List<PullRequest>? requests = null;
        while (_due.TryPeek(out var key, out var dueAt) && dueAt <= now)
        {
            _due.Dequeue();
            if (!_pending.TryGetValue(key, out var pending) || pending.DueAt != dueAt)
            {
                continue;
            }

            if (pending.Attempts >= _settings.MaxAttempts || pending.Candidates.Count == 0)
            {
                _pending.Remove(key);
                GaveUp++;
                continue;
            }

            var peer = pending.Candidates[pending.Attempts % pending.Candidates.Count];
            pending.Attempts++;
            pending.DueAt = now + _retryTicks;
            _due.Enqueue(key, pending.DueAt);
            (requests ??= []).Add(new PullRequest(key.Origin, key.Id, peer));
        }

        return requests ?? (IReadOnlyList<PullRequest>)[];
    }

    /// <summary>How long until the next pull is due (zero when one is due now); null when nothing is tracked.</summary>
    public TimeSpan? TimeUntilNextPull()
    {
        while (_due.TryPeek(out var key, out var dueAt))
        {
            if (_pending.TryGetValue(key, out var pending) && pending.DueAt == dueAt)
            {
                var wait = _time.GetElapsedTime(_time.GetTimestamp(), dueAt);
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            _due.Dequeue();
        }

        return null;
    }

    private sealed class Pending(long dueAt)
    {
        public List<NodeKey> Candidates { get; } = [];

        public int Attempts { get; set; }

        public long DueAt { get; set; } = dueAt;
    }
}
