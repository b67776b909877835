namespace MeshNode.Core.Store;

/// <summary>
/// What a node remembers: known peers with pinned keys (trust on first use), chat history and the
/// store-and-forward outbox. Only strings and byte arrays go in, so it knows no protocol type.
/// Every call is one transaction: a failure leaves every table as it was. Calls are serialized;
/// call from any thread. Times are stored with millisecond precision.
/// </summary>
public interface IMeshStore : IAsyncDisposable
{
    /// <summary>True when nothing is written to disk (<c>--ephemeral</c>).</summary>
    bool IsEphemeral { get; }

    /// <summary>
    /// The TOFU check for a peer that presented keys: an unknown peer is pinned (New); a known peer
    /// with the pinned keys is updated (name, last seen, endpoints) and Match; a known peer with
    /// other keys is KeyChanged: the new keys are recorded as pending, the pinned ones stay, and
    /// only <see cref="TrustAsync"/> replaces them.
    /// </summary>
    Task<TofuResult> CheckPeerAsync(PeerSighting sighting, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user vouches for a peer's fingerprint (<c>/trust</c>). If it matches the pending key, the
    /// pending keys replace the pinned ones; if it matches the pinned key, the peer is verified.
    /// </summary>
    Task<TrustResult> TrustAsync(string nodeId, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>One known peer, or null.</summary>
    Task<KnownPeer?> GetPeerAsync(string nodeId, CancellationToken cancellationToken = default);

    /// <summary>All known peers, most recently seen first.</summary>
    Task<IReadOnlyList<KnownPeer>> GetPeersAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a message; false (and nothing changes) when its id is already stored.</summary>
    Task<bool> AddMessageAsync(ChatMessageRecord message, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of a conversation, newest first: up to <paramref name="limit"/> messages older than
    /// <paramref name="beforeSequence"/> (the <see cref="ChatMessageRecord.Sequence"/> of the last
    /// message of the previous page; null for the newest page).
    /// </summary>
    Task<IReadOnlyList<ChatMessageRecord>> GetHistoryAsync(string conversation, int limit, long? beforeSequence = null, CancellationToken cancellationToken = default);

    /// <summary>Every conversation with stored messages, the most recently active first.</summary>
    Task<IReadOnlyList<ConversationSummary>> GetConversationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the end-to-end receipt of a message; false when the id is unknown.</summary>
    Task<bool> MarkDeliveredAsync(string messageId, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default);

    /// <summary>Queues an envelope for a destination that is away.</summary>
    Task<OutboxEnqueueResult> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default);

    /// <summary>Items for <paramref name="destination"/> due at <paramref name="now"/> and not expired, oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> GetDueAsync(string destination, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many items wait in the outbox, for every destination together.</summary>
    Task<int> CountOutboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Destinations with queued items, for retrying when a peer comes back.</summary>
    Task<IReadOnlyList<string>> GetOutboxDestinationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts an attempt and sets the next due time; false when the item is gone.</summary>
    Task<bool> RecordAttemptAsync(string messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Removes a delivered item; false when it was not queued.</summary>
    Task<bool> MarkOutboxDeliveredAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Removes the items expired at <paramref name="now"/> and returns them, so the sender can be told.</summary>
    Task<IReadOnlyList<OutboxItem>> ExpireOutboxAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
