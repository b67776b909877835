using MeshNode.Config;
using MeshNode.Core.Topology;
using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Routing;

/// <summary>
/// The router's broadcast side (docs/protocol.md, "Broadcast tree and repair"): decides payload
/// targets (<see cref="BroadcastForwarding"/> or flooding), gathers digests per link, tracks
/// missing broadcasts (<see cref="BroadcastRepair"/>) and keeps recent envelopes
/// (<see cref="RecentBroadcastStore"/>) to answer pulls and to tell new links about. It sends
/// nothing itself: the router takes the frames it returns. Not thread-safe: it belongs to the
/// router actor.
/// </summary>
internal sealed class BroadcastRelay
{
    private readonly NodeKey _self;
    private readonly BroadcastMode _mode;
    private readonly BroadcastRepair _repair;
    private readonly RecentBroadcastStore _recent;
    private readonly Dictionary<NodeKey, List<BroadcastRef>> _digests = [];

    // A link reporting a huge RTT must not postpone repair for ever: at most four retry intervals.
    private readonly TimeSpan _maxExtraPullDelay;

    public BroadcastRelay(NodeKey self, RouterSettings settings, TimeProvider time)
    {
        _self = self;
        _mode = settings.Broadcast;
        _maxExtraPullDelay = 4 * settings.PullRetryInterval;
        _repair = new BroadcastRepair(
            new BroadcastRepairSettings
            {
                PullDelay = settings.PullDelay,
                RetryInterval = settings.PullRetryInterval,
                MaxAttempts = settings.PullAttempts,
                MaxPending = settings.MaxPendingPulls,
            },
            time);
        _recent = new RecentBroadcastStore(settings.RecentBroadcastCount, settings.RecentBroadcastBytes, settings.RecentBroadcastAge, time);
    }

    /// <summary>The pull tracker (for its counts).</summary>
    public BroadcastRepair Repair => _repair;

    /// <summary>True when digests wait for <see cref="TakeDigests"/>.</summary>
    public bool HasDigests => _digests.Count > 0;

    /// <summary>
    /// A broadcast this node accepted (new, within its hop limit) and will pass on, as the bytes it
    /// forwards: keeps it for pulls and returns the links that get the payload; the other links
    /// (but the arrival one and the origin) get a digest entry, to take with <see cref="TakeDigests"/>.
    /// </summary>
    /// <param name="origin">The broadcast's origin.</param>
    /// <param name="id">Its envelope id.</param>
    /// <param name="forwarded">The bytes this node forwards (its hop count already raised).</param>
    /// <param name="arrivedFrom">The arrival link, or this node for its own broadcasts.</param>
    /// <param name="graph">This node's current link-state graph.</param>
    /// <param name="links">The links up now.</param>
    /// <param name="linkState">
    /// True for link-state records: they are always flooded (never kept, never digested), because
    /// the tree is computed from them; a tree that depended on its own records would repair its
    /// gaps at pull speed exactly when the mesh changes.
    /// </param>
    public IReadOnlyList<NodeKey> Spread(
        NodeKey origin, MessageId id, ReadOnlyMemory<byte> forwarded, NodeKey arrivedFrom, TopologyGraph graph, IReadOnlyCollection<NodeKey> links, bool linkState = false)
    {
        _repair.OnReceived(origin, id);
        if (_mode == BroadcastMode.Flood || linkState)
        {
            return Without(BroadcastForwarding.Flood(arrivedFrom, links), origin);
        }

        _ = _recent.Add(origin, id, forwarded);

        var eager = Without(BroadcastForwarding.ForwardTargets(origin, arrivedFrom, graph, links), origin);
        var entry = new BroadcastRef(origin.ToNodeId(), id.ToEnvelopeId());
        foreach (var link in BroadcastForwarding.DigestTargets(origin, arrivedFrom, eager, links))
        {
            if (!_digests.TryGetValue(link, out var list))
            {
                list = [];
                _digests.Add(link, list);
            }

            list.Add(entry);
        }

        return eager;
    }

    /// <summary>A broadcast arrived that was already seen (or is this node's own): nothing to pull.</summary>
    public void Seen(NodeKey origin, MessageId id) => _repair.OnReceived(origin, id);

    /// <summary>The digest frames gathered since the last call, per link, at most 256 entries each.</summary>
    public IReadOnlyList<(NodeKey Link, BroadcastDigestFrame Frame)> TakeDigests()
    {
        var frames = new List<(NodeKey, BroadcastDigestFrame)>();
        foreach (var (link, entries) in _digests)
        {
            foreach (var chunk in entries.Chunk(LinkFrameLimits.MaxBroadcastRefs))
            {
                frames.Add((link, new BroadcastDigestFrame(chunk)));
            }
        }

        _digests.Clear();
        return frames;
    }

    /// <summary>
    /// A neighbour's digest: schedules a pull for each entry this node has not seen (per
    /// <paramref name="isSeen"/>). Returns true when a new pull was scheduled.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="graph"/>, the first pull of each entry waits twice the RTT of the link
    /// the origin's tree copy comes on (the parent in that tree, else the slowest link; at most four
    /// <c>mesh.router.pull-retry-interval</c>s) on top of <c>mesh.router.pull-delay</c>: on a slow or
    /// busy link the tree copy is late, not lost, and pulling it early only makes a duplicate.
    /// </remarks>
    public bool OnDigest(NodeKey from, IReadOnlyList<BroadcastRef> entries, Func<NodeKey, MessageId, bool> isSeen, TopologyGraph? graph = null)
    {
        var scheduled = false;
        foreach (var entry in entries)
        {
            var origin = entry.Origin.ToKey();
            var id = entry.Id.ToMessageId();
            if (origin != _self && !isSeen(origin, id))
            {
                var extra = graph is null ? TimeSpan.Zero : 2 * TreeLinkRtt(graph, origin);
                scheduled |= _repair.OnDigest(origin, id, from, extra < _maxExtraPullDelay ? extra : _maxExtraPullDelay);
            }
        }

        return scheduled;
    }

    private TimeSpan TreeLinkRtt(TopologyGraph graph, NodeKey origin)
    {
        var links = graph.Contains(_self) ? graph.NeighboursOf(_self) : [];
        if (links.Count == 0)
        {
            return TimeSpan.Zero;
        }

        if (graph.IsReachable(origin) && graph.PathsFrom(origin).ParentOf(_self) is { } parent)
        {
            foreach (var link in links)
            {
                if (link.Node == parent)
                {
                    return TimeSpan.FromMicroseconds(link.RttMicroseconds);
                }
            }
        }

        return TimeSpan.FromMicroseconds(links.Max(l => l.RttMicroseconds));
    }

    /// <summary>The pulls due now, grouped per link, at most 256 entries per frame.</summary>
    public IReadOnlyList<(NodeKey Link, BroadcastPullFrame Frame)> TakePulls()
    {
        var frames = new List<(NodeKey, BroadcastPullFrame)>();
        foreach (var group in _repair.TakeDuePulls().GroupBy(p => p.Peer))
        {
            foreach (var chunk in group.Select(p => new BroadcastRef(p.Origin.ToNodeId(), p.Id.ToEnvelopeId())).Chunk(LinkFrameLimits.MaxBroadcastRefs))
            {
                frames.Add((group.Key, new BroadcastPullFrame(chunk)));
            }
        }

        return frames;
    }

    /// <summary>How long until the next pull is due; null when nothing is missing.</summary>
    public TimeSpan? TimeUntilNextPull() => _repair.TimeUntilNextPull();

    /// <summary>The kept envelope of a broadcast a neighbour pulls.</summary>
    public bool TryGetRecent(BroadcastRef entry, out ReadOnlyMemory<byte> envelope) =>
        _recent.TryGet(entry.Origin.ToKey(), entry.Id.ToMessageId(), out envelope);

    /// <summary>
    /// Digest frames listing every recent broadcast, for a link that just came up (it may have
    /// missed them while it was away or being replaced); none in flood mode or when nothing is kept.
    /// </summary>
    public IReadOnlyList<BroadcastDigestFrame> DigestForNewLink(NodeKey peer)
    {
        if (_mode == BroadcastMode.Flood)
        {
            return [];
        }

        return _recent.Keys()
            .Where(k => k.Origin != peer)
            .Select(k => new BroadcastRef(k.Origin.ToNodeId(), k.Id.ToEnvelopeId()))
            .Chunk(LinkFrameLimits.MaxBroadcastRefs)
            .Select(chunk => new BroadcastDigestFrame(chunk))
            .ToArray();
    }

    /// <summary>A link went down: no digests wait for it and no pull asks it.</summary>
    public void OnLinkDown(NodeKey peer)
    {
        _digests.Remove(peer);
        _repair.OnLinkDown(peer);
    }

    /// <summary>Frees recent envelopes past their age (from the router's maintenance timer).</summary>
    public void Prune() => _recent.Prune();

    private static IReadOnlyList<NodeKey> Without(IReadOnlyList<NodeKey> targets, NodeKey origin)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] == origin)
            {
                return targets.Where(t => t != origin).ToArray();
            }
        }

        return targets;
    }
}
