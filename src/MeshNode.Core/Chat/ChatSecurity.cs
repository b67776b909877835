using MeshNode.Core.Store;
using MeshNode.Protocol.Envelopes;

namespace MeshNode.Core.Chat;

/// <summary>How a message was protected, as stored and as shown (link, network or e2e).</summary>
internal static class ChatSecurity
{
    /// <summary>The stored level for an envelope's signed protection.</summary>
    public static MessageSecurity Of(EnvelopeProtection protection) => protection switch
    {
        EnvelopeProtection.Network => MessageSecurity.Network,
        EnvelopeProtection.EndToEnd => MessageSecurity.EndToEnd,
        _ => MessageSecurity.Link,
    };

    /// <summary>The label front ends show: "link", "network" or "e2e".</summary>
    public static string Label(MessageSecurity security) => security switch
    {
        MessageSecurity.Network => "network",
        MessageSecurity.EndToEnd => "e2e",
        _ => "link",
    };
}
