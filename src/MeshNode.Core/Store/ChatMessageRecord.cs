namespace MeshNode.Core.Store;

/// <summary>One chat message in the history.</summary>
/// <param name="MessageId">Unique message id as text; adding the same id twice keeps the first.</param>
/// <param name="Conversation"><see cref="ChatConversations.All"/> for broadcasts, else the other peer's node id.</param>
/// <param name="FromId">The author's node id.</param>
/// <param name="Text">The message text.</param>
/// <param name="SentAt">The author's timestamp.</param>
/// <param name="ReceivedAt">When this node stored it.</param>
/// <param name="Security">How it was protected.</param>
/// <param name="Hops">Hops it travelled (0 for own messages).</param>
/// <param name="Flags">Marks such as FromChangedKey.</param>
/// <param name="DeliveredAt">For own direct messages: when the end-to-end receipt arrived.</param>
public sealed record ChatMessageRecord(
    string MessageId,
    string Conversation,
    string FromId,
    string Text,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    MessageSecurity Security,
    int Hops,
    ChatMessageFlags Flags,
    DateTimeOffset? DeliveredAt = null)
{
    /// <summary>The store's insertion order, set when read back (0 before); page with it.</summary>
    public long Sequence { get; init; }
}
