namespace MeshNode.Core.Store;

/// <summary>Conversation keys of the chat history.</summary>
public static class ChatConversations
{
    /// <summary>The broadcast conversation (everyone). Node ids never take this value.</summary>
    public const string All = "*";
}
