namespace MeshNode.Core.Node;

/// <summary>
/// Counts of what a node dropped or refused, shared by its actors (thread-safe). Tests and
/// diagnostics read them; nothing a peer sends is dropped without being counted here.
/// </summary>
internal sealed class NodeCounters
{
    private long _rejectedEnvelopes;
    private long _duplicateEnvelopes;
    private long _rejectedFrames;
    private long _droppedSends;
    private long _rateLimited;
    private long _unreadableBodies;
    private long _failedHandshakes;
    private long _relayedDirected;
    private long _droppedTraceReplies;
    private long _refusedTraceRequests;

    /// <summary>Envelopes that failed verification (forged, malformed, over a limit).</summary>
    public long RejectedEnvelopes => Interlocked.Read(ref _rejectedEnvelopes);

    /// <summary>Envelopes already seen (duplicates and replays).</summary>
    public long DuplicateEnvelopes => Interlocked.Read(ref _duplicateEnvelopes);

    /// <summary>Link frames that decrypted but did not decode, or that closed their link.</summary>
    public long RejectedFrames => Interlocked.Read(ref _rejectedFrames);

    /// <summary>Frames dropped because a link's send queue was full.</summary>
    public long DroppedSends => Interlocked.Read(ref _droppedSends);

    /// <summary>Envelopes dropped by the per-link rate limit.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Envelopes for this node whose body could not be opened (no key, altered).</summary>
    public long UnreadableBodies => Interlocked.Read(ref _unreadableBodies);

    /// <summary>Handshakes that failed or timed out.</summary>
    public long FailedHandshakes => Interlocked.Read(ref _failedHandshakes);

    /// <summary>Directed envelopes for other nodes that this node passed on (one per link sent to).</summary>
    public long RelayedDirected => Interlocked.Read(ref _relayedDirected);

    /// <summary>Trace replies that matched no trace waiting here (late, replayed under a new envelope, or from another node than the one traced).</summary>
    public long DroppedTraceReplies => Interlocked.Read(ref _droppedTraceReplies);

    /// <summary>Trace requests not answered: over <c>mesh.node.trace-replies-per-second</c>, or not addressed to this node alone.</summary>
    public long RefusedTraceRequests => Interlocked.Read(ref _refusedTraceRequests);

    public void DroppedTraceReply() => Interlocked.Increment(ref _droppedTraceReplies);

    public void RefusedTraceRequest() => Interlocked.Increment(ref _refusedTraceRequests);

    public void RelayedDirectedEnvelope() => Interlocked.Increment(ref _relayedDirected);

    public void RejectedEnvelope() => Interlocked.Increment(ref _rejectedEnvelopes);

    public void DuplicateEnvelope() => Interlocked.Increment(ref _duplicateEnvelopes);

    public void RejectedFrame() => Interlocked.Increment(ref _rejectedFrames);

    public void DroppedSend() => Interlocked.Increment(ref _droppedSends);

    public void RateLimitedEnvelope() => Interlocked.Increment(ref _rateLimited);

    public void UnreadableBody() => Interlocked.Increment(ref _unreadableBodies);

    public void FailedHandshake() => Interlocked.Increment(ref _failedHandshakes);
}
