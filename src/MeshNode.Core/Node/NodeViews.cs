namespace MeshNode.Core.Node;

// Read-only views the node returns to its front ends. Plain data, safe to share across threads.

/// <summary>A peer as the node knows it: from announces, links, link-state and the store.</summary>
public sealed record PeerView(
    string NodeId,
    string Name,
    string ShortFingerprint,
    int? Hops,
    TimeSpan? Rtt,
    bool Online,
    bool Linked,
    string Trust,
    DateTimeOffset? LastSeen);

/// <summary>A node in the topology graph; <see cref="Hops"/> is null when it is known but unreachable.</summary>
public sealed record TopologyNodeView(string NodeId, string Name, int? Hops, string? NextHop);

/// <summary>A two-way link in the topology graph with its round-trip time.</summary>
public sealed record TopologyEdgeView(string A, string B, TimeSpan Rtt);

/// <summary>The whole graph as the topology actor sees it, rooted at this node.</summary>
public sealed record TopologyView(string Self, IReadOnlyList<TopologyNodeView> Nodes, IReadOnlyList<TopologyEdgeView> Edges);

/// <summary>The path a trace request took to a node and back, hop by hop, with the total round trip.</summary>
public sealed record TraceView(string Target, IReadOnlyList<string> Hops, TimeSpan RoundTrip);

/// <summary>What happened to a message the user sent: sent now, or queued for an away recipient.</summary>
public sealed record SendOutcome(string MessageId, bool Queued);

/// <summary>
/// The node's own state for a status line: security mode ("open" or "passphrase", as in
/// <see cref="NodeStarted.Security"/>), live links, peers known, and direct messages waiting in the outbox.
/// </summary>
public sealed record NodeStatusView(string Security, int Links, int KnownPeers, int Outbox);

/// <summary>
/// One stored chat message, as a front end shows history after a restart. <see cref="Conversation"/>
/// is "all" or the other peer's node id; <see cref="Security"/> is "link", "network" or "e2e" as in
/// <see cref="ChatReceived.Security"/>; <see cref="FromName"/> is the author's last known name.
/// </summary>
public sealed record ChatHistoryItem(
    string MessageId,
    string Conversation,
    string FromId,
    string FromName,
    string Text,
    DateTimeOffset SentAt,
    string Security,
    int Hops,
    bool Outgoing,
    bool Delivered,
    bool Failed,
    bool FromChangedKey);
