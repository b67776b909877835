namespace MeshNode.Core.Routing;

/// <summary>
/// What the router did beyond the node-wide counters: the broadcast repair's digests and pulls, and
/// the relay queue. Owned and written by the router actor only; read as a <see cref="RouterStats"/>
/// snapshot (<see cref="GetRouterStats"/>).
/// </summary>
internal sealed class RouterStatistics
{
    /// <summary>Broadcast envelopes that arrived again after their first copy (all body kinds).</summary>
    public long DuplicateBroadcasts { get; set; }

    /// <summary>Of <see cref="DuplicateBroadcasts"/>, the chat messages: the figure the duplicates benchmark reports.</summary>
    public long DuplicateChatBroadcasts { get; set; }

    /// <summary>Broadcast payloads sent to links (tree, flood fallback and pull answers).</summary>
    public long PayloadsSent { get; set; }

    /// <summary>Digest entries sent (one per broadcast per link).</summary>
    public long DigestEntriesSent { get; set; }

    /// <summary>Pull entries sent (one per missing broadcast per attempt).</summary>
    public long PullEntriesSent { get; set; }

    /// <summary>Pulled broadcasts this node answered with the envelope.</summary>
    public long PullsServed { get; set; }

    /// <summary>Pulled broadcasts this node no longer held (or never had).</summary>
    public long PullsMissed { get; set; }

    /// <summary>Pull entries refused by the asking link's rate limit.</summary>
    public long PullsRateLimited { get; set; }

    /// <summary>Directed envelopes held for a destination with no path.</summary>
    public long RelayHeld { get; set; }

    /// <summary>Held envelopes sent on once a path or link to their destination appeared.</summary>
    public long RelayReleased { get; set; }

    /// <summary>Held envelopes dropped: too old, or to make room.</summary>
    public long RelayDropped { get; set; }

    /// <summary>Directed envelopes passed on or delivered again because their sender resent them (lost receipt).</summary>
    public long RepeatedDirected { get; set; }

    /// <summary>A snapshot including the repair tracker's own counts.</summary>
    public RouterStats Snapshot(BroadcastRepair repair, RelayQueue relay) => new(
        DuplicateBroadcasts,
        DuplicateChatBroadcasts,
        PayloadsSent,
        DigestEntriesSent,
        PullEntriesSent,
        PullsServed,
        PullsMissed,
        PullsRateLimited,
        repair.DroppedDigests,
        repair.GaveUp,
        RelayHeld,
        RelayReleased,
        RelayDropped,
        relay.Count,
        RepeatedDirected);
}
