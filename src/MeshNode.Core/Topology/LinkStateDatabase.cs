using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// One node's link-state database: the latest record from every origin, turned into an immutable
/// <see cref="TopologyGraph"/> after every change. Records reach it already authenticated (the
/// protocol layer checks the origin's signature); here they are only ordered, bounded and aged.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Ordering: a record replaces the held one only with a higher sequence number; equal is a
/// <see cref="LinkStateOutcome.Duplicate"/>, lower is <see cref="LinkStateOutcome.Outdated"/>.</item>
/// <item>Two-way check: a link is an edge of the graph only when both ends list each other, so a
/// node cannot attach itself to another by claiming a link, and a half-dead link (one side still
/// listing it) carries no traffic. The edge's RTT is the larger of the two reports, identical at
/// every node, so every node computes the same paths from the same records.</item>
/// <item>Ageing: a record not replaced within <see cref="TopologySettings.MaxAge"/> of its arrival
/// (by this node's clock; <see cref="LinkStateRecord.IssuedAt"/> is never trusted for it) is dropped
/// by <see cref="Expire"/>, and its sequence is remembered for another max age so a copy still
/// circulating is not taken back in. The node must call <see cref="IssueOwn"/> again well within
/// the max age (even when nothing changed) so the others keep its record.</item>
/// <item>Unreachable origins: a record whose origin has been unreachable from this node for
/// <see cref="TopologySettings.UnreachableRetention"/> is dropped by <see cref="Expire"/>. The grace
/// exists because records arrive in any order: a record is often unreachable until the record
/// that links it to us arrives.</item>
/// <item>Change: <see cref="GraphChanged"/> fires, and <see cref="LinkStateUpdate.GraphChanged"/> is
/// true, only when nodes, edges or edge RTTs differ from the previous snapshot.</item>
/// </list>
/// Not thread-safe: it belongs to the topology actor; the snapshots it hands out are immutable.
/// </remarks>
public sealed class LinkStateDatabase
{
    private readonly Dictionary<NodeKey, HeldRecord> _records = [];
    private readonly Dictionary<NodeKey, (ulong Sequence, long ForgetAt)> _forgotten = [];
    private readonly TopologySettings _settings;
    private readonly TimeProvider _time;
    private readonly long _maxAgeTicks;
    private readonly long _unreachableTicks;
    private ulong _ownSequence;
    private IReadOnlyList<LinkStateNeighbour> _ownNeighbours = [];
    private long _version;

    /// <summary>Creates a database that holds no record yet (the graph is <paramref name="self"/> alone).</summary>
    /// <param name="self">This node.</param>
    /// <param name="settings">Bounds and timings.</param>
    /// <param name="time">The clock used for ageing and for <see cref="LinkStateRecord.IssuedAt"/>.</param>
    /// <param name="initialSequence">The sequence this node's first record goes above; by default the clock in
    /// microseconds since 1970, so a restarted node's records are newer than its earlier run's.</param>
    public LinkStateDatabase(NodeKey self, TopologySettings settings, TimeProvider time, ulong? initialSequence = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.MaxAge, TimeSpan.Zero, nameof(settings.MaxAge));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.UnreachableRetention, TimeSpan.Zero, nameof(settings.UnreachableRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxNodes, 1, nameof(settings.MaxNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxNeighboursPerRecord, 0, nameof(settings.MaxNeighboursPerRecord));
        Self = self;
        _settings = settings;
        _time = time;
        _maxAgeTicks = ToTimestampTicks(settings.MaxAge);
        _unreachableTicks = ToTimestampTicks(settings.UnreachableRetention);
        _ownSequence = initialSequence ?? (ulong)Math.Max(0, (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10);
        Graph = TopologyGraph.Create(self, 0, [], [], settings.MinEdgeCostMicroseconds);
    }

    /// <summary>Raised after every change that produced a different graph, with the new snapshot.</summary>
    public event EventHandler<TopologyGraph>? GraphChanged;

    /// <summary>This node.</summary>
    public NodeKey Self { get; }

    /// <summary>The current snapshot.</summary>
    public TopologyGraph Graph { get; private set; }

    /// <summary>How many records are held (this node's own included once issued).</summary>
    public int Count => _records.Count;

    /// <summary>The sequence of this node's latest own record (or the initial one before any).</summary>
    public ulong OwnSequence => _ownSequence;

    /// <summary>Every held record: what to send a neighbour when a link comes up, so it converges at once.</summary>
    public IReadOnlyList<LinkStateRecord> Records => _records.Values.Select(r => r.Record).ToArray();

    /// <summary>The held record of <paramref name="origin"/>, if any.</summary>
    public bool TryGetRecord(NodeKey origin, out LinkStateRecord? record)
    {
        var found = _records.TryGetValue(origin, out var held);
        record = held?.Record;
        return found;
    }

    /// <summary>
    /// Issues this node's own record (next sequence, the clock's time, the given links) and applies
    /// it; the caller floods <see cref="LinkStateUpdate.OwnRecord"/> to every link. Call on every
    /// link change and periodically, well within <see cref="TopologySettings.MaxAge"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When more neighbours than <see cref="TopologySettings.MaxNeighboursPerRecord"/> are given.</exception>
    public LinkStateUpdate IssueOwn(IReadOnlyList<LinkStateNeighbour> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        if (neighbours.Count > _settings.MaxNeighboursPerRecord)
        {
            throw new ArgumentException(
                $"{neighbours.Count} links exceed mesh.topology.max-neighbours ({_settings.MaxNeighboursPerRecord}).",
                nameof(neighbours));
        }

        _ownNeighbours = neighbours.ToArray();
        var record = new LinkStateRecord(Self, ++_ownSequence, _time.GetUtcNow(), _ownNeighbours);
        _records[Self] = new HeldRecord(record, _time.GetTimestamp());
        var changed = Rebuild();
        return new LinkStateUpdate(LinkStateOutcome.Accepted, changed, Graph, record);
    }

    /// <summary>
    /// Takes a record received from the mesh (signature already checked). Flood it on to the other
    /// links only when the outcome is <see cref="LinkStateOutcome.Accepted"/>.
    /// </summary>
    public LinkStateUpdate Apply(LinkStateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outcome = Stage(record);
        var update = Finish(outcome == LinkStateOutcome.Accepted, outcome == LinkStateOutcome.OwnRecordSuperseded);
        return update with { Outcome = outcome };
    }

    /// <summary>
    /// Takes many records at once (a neighbour's whole database when a link comes up) and
    /// rebuilds the graph once instead of once per record. Outcomes are in the order given.
    /// </summary>
    public LinkStateBatchUpdate ApplyAll(IReadOnlyList<LinkStateRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var outcomes = new LinkStateOutcome[records.Count];
        bool accepted = false, superseded = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Stage(records[i] ?? throw new ArgumentException("A record is null.", nameof(records)));
            accepted |= outcomes[i] == LinkStateOutcome.Accepted;
            superseded |= outcomes[i] == LinkStateOutcome.OwnRecordSuperseded;
        }

        var update = Finish(accepted, superseded);
        return new LinkStateBatchUpdate(outcomes, update.GraphChanged, update.Graph, update.OwnRecord);
    }

    /// <summary>
    /// Drops records older than the max age and records whose origin has been unreachable longer
    /// than the retention. Call from a periodic timer (every few seconds).
    /// </summary>
    /// <returns>True when the graph changed (also raises <see cref="GraphChanged"/>).</returns>
    public bool Expire()
    {
        var now = _time.GetTimestamp();
        var dropped = false;
        foreach (var (origin, held) in _records.ToArray())
        {
            if (origin == Self)
            {
                continue;
            }

            if (now - held.ReceivedAt > _maxAgeTicks)
            {
                _forgotten[origin] = (held.Record.Sequence, now + _maxAgeTicks);
                _records.Remove(origin);
                dropped = true;
            }
            else if (held.UnreachableSince is { } since && now - since >= _unreachableTicks)
            {
                // Still a valid record: no tombstone, so it is taken back as soon as a path heals.
                _records.Remove(origin);
                dropped = true;
            }
        }

        foreach (var (origin, gone) in _forgotten.ToArray())
        {
            if (now >= gone.ForgetAt)
            {
                _forgotten.Remove(origin);
            }
        }

        return dropped && Rebuild();
    }

    /// <summary>Takes the record into the table without rebuilding the graph.</summary>
    private LinkStateOutcome Stage(LinkStateRecord record)
    {
        if (record.Origin == Self)
        {
            if (record.Sequence <= _ownSequence)
            {
                return _records.TryGetValue(Self, out var own) && own.Record.Sequence == record.Sequence
                    ? LinkStateOutcome.Duplicate
                    : LinkStateOutcome.Outdated;
            }

            // An earlier run of this node issued higher sequences: jump past them (Finish reissues),
            // or the mesh would keep the earlier run's links for a whole max age.
            _ownSequence = record.Sequence;
            return LinkStateOutcome.OwnRecordSuperseded;
        }

        if (record.Neighbours.Count > _settings.MaxNeighboursPerRecord)
        {
            return LinkStateOutcome.TooManyNeighbours;
        }

        var now = _time.GetTimestamp();
        if (_records.TryGetValue(record.Origin, out var held))
        {
            if (record.Sequence == held.Record.Sequence)
            {
                return LinkStateOutcome.Duplicate;
            }

            if (record.Sequence < held.Record.Sequence)
            {
                return LinkStateOutcome.Outdated;
            }
        }
        else
        {
            if (_forgotten.TryGetValue(record.Origin, out var gone) && now < gone.ForgetAt && record.Sequence <= gone.Sequence)
            {
                return LinkStateOutcome.Outdated;
            }

            if (_records.Count >= _settings.MaxNodes)
            {
                return LinkStateOutcome.TooManyNodes;
            }

            _forgotten.Remove(record.Origin);
        }

        _records[record.Origin] = new HeldRecord(record, now);
        return LinkStateOutcome.Accepted;
    }

    private LinkStateUpdate Finish(bool accepted, bool ownSuperseded)
    {
        if (ownSuperseded && _records.ContainsKey(Self))
        {
            return IssueOwn(_ownNeighbours);
        }

        var changed = accepted && Rebuild();
        return new LinkStateUpdate(LinkStateOutcome.Accepted, changed, Graph);
    }

    private bool Rebuild()
    {
        var edges = new List<TopologyEdge>();
        foreach (var (origin, held) in _records)
        {
            foreach (var (neighbour, rtt) in held.NeighbourRtt)
            {
                // Two-way check: the other end must list this origin too.
                if (origin < neighbour
                    && _records.TryGetValue(neighbour, out var other)
                    && other.NeighbourRtt.TryGetValue(origin, out var otherRtt))
                {
                    edges.Add(new TopologyEdge(origin, neighbour, Math.Max(rtt, otherRtt)));
                }
            }
        }

        var nodes = TopologyGraph.Sorted(_records.Keys.Append(Self).Distinct());
        var sortedEdges = TopologyGraph.SortEdges([.. edges]);
        var changed = !Graph.HasShape(nodes, sortedEdges);
        var graph = changed
            ? TopologyGraph.FromSorted(Self, _version + 1, nodes, sortedEdges, _settings.MinEdgeCostMicroseconds)
            : Graph;
        var now = _time.GetTimestamp();
        foreach (var (origin, held) in _records)
        {
            held.UnreachableSince = graph.IsReachable(origin) ? null : held.UnreachableSince ?? now;
        }

        if (!changed)
        {
            return false;
        }

        _version++;
        Graph = graph;
        GraphChanged?.Invoke(this, graph);
        return true;
    }

    private long ToTimestampTicks(TimeSpan span) =>
        checked((long)(span.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond)));

    private sealed class HeldRecord
    {
        public HeldRecord(LinkStateRecord record, long receivedAt)
        {
            Record = record;
            ReceivedAt = receivedAt;
            NeighbourRtt = new Dictionary<NodeKey, long>(record.Neighbours.Count);
            foreach (var neighbour in record.Neighbours)
            {
                if (neighbour.Node != record.Origin)
                {
                    NeighbourRtt.TryAdd(neighbour.Node, Math.Max(0, neighbour.RttMicroseconds));
                }
            }
        }

        public LinkStateRecord Record { get; }

        public long ReceivedAt { get; }

        public Dictionary<NodeKey, long> NeighbourRtt { get; }

        public long? UnreachableSince { get; set; }
    }
}
