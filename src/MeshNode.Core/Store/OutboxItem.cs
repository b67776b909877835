namespace MeshNode.Core.Store;

/// <summary>An envelope waiting for its destination (store-and-forward).</summary>
/// <param name="MessageId">Unique id; enqueueing it twice keeps the first.</param>
/// <param name="Destination">The destination node id.</param>
/// <param name="Envelope">The encoded, signed envelope, sent as is.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="NextAttemptAt">Not due before this time.</param>
/// <param name="ExpiresAt">Dropped by <see cref="IMeshStore.ExpireOutboxAsync"/> from this time on.</param>
public sealed record OutboxItem(
    string MessageId,
    string Destination,
    byte[] Envelope,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset ExpiresAt);
