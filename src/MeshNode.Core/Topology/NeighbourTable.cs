using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// This node's own links as its link-state advertises them, and whether the links it has now
/// differ enough from the last advertised record to issue a new one. A new or lost neighbour
/// always does; a round-trip time does only when its route cost moved by more than the
/// threshold, since most RTT samples are jitter that would change no route.
/// </summary>
/// <remarks>
/// RTT samples are smoothed (exponentially weighted, weight 1/4 for a new sample, like TCP's
/// smoothed RTT) and compared as route costs: an RTT below the least edge cost costs the least
/// edge cost, so on a LAN where every link is faster than <c>mesh.topology.min-edge-cost</c>
/// RTTs never cause a record. Not thread-safe: it belongs to the topology actor.
/// </remarks>
internal sealed class NeighbourTable
{
    /// <summary>The RTT a neighbour is advertised with until its first measurement.</summary>
    public static readonly TimeSpan InitialRtt = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<NodeKey, Entry> _entries = [];
    private readonly long _minCostMicroseconds;
    private readonly double _threshold;

    /// <param name="minEdgeCost">The least cost of an edge (<c>mesh.topology.min-edge-cost</c>).</param>
    /// <param name="rttChangeThreshold">
    /// The relative change of a link's cost that is worth a new record (<c>mesh.topology.rtt-change-threshold</c>,
    /// 0.5 = half the advertised cost, either way).
    /// </param>
    public NeighbourTable(TimeSpan minEdgeCost, double rttChangeThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rttChangeThreshold);
        _minCostMicroseconds = Math.Max(1, (long)minEdgeCost.TotalMicroseconds);
        _threshold = rttChangeThreshold;
    }

    /// <summary>How many neighbours there are now.</summary>
    public int Count => _entries.Count;

    /// <summary>True when the neighbours now differ from the last <see cref="Advertise"/> beyond jitter.</summary>
    public bool Changed { get; private set; }

    /// <summary>Records a link to <paramref name="node"/>; true when it is a new neighbour (a change).</summary>
    public bool Attach(NodeKey node)
    {
        if (_entries.ContainsKey(node))
        {
            return false;
        }

        var rtt = (long)InitialRtt.TotalMicroseconds;
        _entries[node] = new Entry(rtt) { Advertised = null };
        Changed = true;
        return true;
    }

    /// <summary>Forgets the link to <paramref name="node"/>; true when it was a neighbour (a change).</summary>
    public bool Detach(NodeKey node)
    {
        if (!_entries.Remove(node))
        {
            return false;
        }

        Changed = true;
        return true;
    }

    /// <summary>
    /// Takes one RTT sample of the link to <paramref name="node"/>; true when the smoothed cost now
    /// differs from the advertised one by more than the threshold (a change). Samples for a node
    /// that is not a neighbour are ignored.
    /// </summary>
    public bool Measure(NodeKey node, TimeSpan rtt)
    {
        if (!_entries.TryGetValue(node, out var entry) || rtt < TimeSpan.Zero)
        {
            return false;
        }

        var sample = (long)rtt.TotalMicroseconds;
        entry.Smoothed = entry.Measured ? entry.Smoothed + ((sample - entry.Smoothed) / 4) : sample;
        entry.Measured = true;
        if (entry.Advertised is not { } advertised)
        {
            return false;
        }

        if (!Moved(advertised, entry.Smoothed))
        {
            return false;
        }

        Changed = true;
        return true;
    }

    /// <summary>
    /// The neighbours to put in the next record; what they are advertised with from now on. A link
    /// keeps the RTT it was last advertised with while its cost stays within the threshold (its
    /// first measurement always replaces the initial guess), so a refresh of an unchanged node
    /// repeats the same links and RTTs and changes no other node's graph.
    /// </summary>
    public IReadOnlyList<LinkStateNeighbour> Advertise()
    {
        var neighbours = new LinkStateNeighbour[_entries.Count];
        var i = 0;
        foreach (var (node, entry) in _entries)
        {
            if (entry.Advertised is not { } advertised || (entry.Measured && !entry.MeasuredAdvertised) || Moved(advertised, entry.Smoothed))
            {
                entry.Advertised = Math.Max(1, entry.Smoothed);
                entry.MeasuredAdvertised = entry.Measured;
            }

            neighbours[i++] = new LinkStateNeighbour(node, entry.Advertised.Value);
        }

        Changed = false;
        return neighbours;
    }

    private long Cost(long rttMicroseconds) => Math.Max(_minCostMicroseconds, rttMicroseconds);

    /// <summary>True when the cost of <paramref name="now"/> differs from that of <paramref name="advertised"/> by more than the threshold.</summary>
    private bool Moved(long advertised, long now)
    {
        var before = Cost(advertised);
        return Math.Abs(Cost(now) - before) > before * _threshold;
    }

    private sealed class Entry(long rtt)
    {
        public long Smoothed { get; set; } = rtt;

        public bool Measured { get; set; }

        public long? Advertised { get; set; }

        public bool MeasuredAdvertised { get; set; }
    }
}
