using MeshNode.Core.Node;

namespace MeshNode.Cli.Headless;

/// <summary>The <c>event</c> field of each node event type.</summary>
internal static class HeadlessEventNames
{
    /// <summary>The snake_case name of <paramref name="nodeEvent"/>'s type.</summary>
    /// <param name="nodeEvent">The event.</param>
    /// <returns>The name, e.g. <c>chat_received</c>.</returns>
    public static string Of(NodeEvent nodeEvent) => nodeEvent switch
    {
        NodeStarted => "node_started",
        PeerDiscovered => "peer_discovered",
        LinkUp => "link_up",
        LinkDown => "link_down",
        ChatReceived => "chat_received",
        ChatDelivered => "chat_delivered",
        ChatQueued => "chat_queued",
        TopologyChanged => "topology_changed",
        KeyChanged => "key_changed",
        NodeWarning => "warning",
        NodeError => "error",
        _ => ToSnakeCase(nodeEvent.GetType().Name),
    };

    /// <summary>Converts a PascalCase type name to snake_case (for event types added after this writer).</summary>
    /// <param name="name">The type name.</param>
    /// <returns>The snake_case form.</returns>
    internal static string ToSnakeCase(string name) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
