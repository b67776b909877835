namespace MeshNode.Core.Store;

/// <summary>One conversation in the history, for a list of chats.</summary>
/// <param name="Conversation"><see cref="ChatConversations.All"/> or the other peer's node id.</param>
/// <param name="MessageCount">Messages kept (at most <see cref="MeshStoreSettings.MaxHistoryPerConversation"/>).</param>
/// <param name="LastReceivedAt">When its newest message was stored.</param>
public sealed record ConversationSummary(string Conversation, long MessageCount, DateTimeOffset LastReceivedAt);
