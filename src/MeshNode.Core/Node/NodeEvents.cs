namespace MeshNode.Core.Node;

// The node's event protocol: every record here is published by the node guardian on the actor
// system's event stream and delivered to IMeshNode.Events, in the order the node saw them.
// Front ends (headless JSON, the TUI) render these and nothing else. Events are past tense.

/// <summary>Something the node did or saw; <see cref="At"/> is the node's clock when it happened.</summary>
public abstract record NodeEvent(DateTimeOffset At);

/// <summary>The node is up: its identity, the TCP port it listens on, and its fingerprint.</summary>
public sealed record NodeStarted(DateTimeOffset At, string NodeId, string Name, int Port, string Fingerprint, string Security)
    : NodeEvent(At);

/// <summary>A peer was heard of for the first time (announce, static peer or peer exchange).</summary>
public sealed record PeerDiscovered(DateTimeOffset At, string NodeId, string Name, string Endpoint, string Via)
    : NodeEvent(At);

/// <summary>A link to a neighbour completed its handshake.</summary>
public sealed record LinkUp(DateTimeOffset At, string NodeId, string Name, string Endpoint, bool Inbound)
    : NodeEvent(At);

/// <summary>A link to a neighbour closed; <see cref="Reason"/> says why (peer closed, dead link, protocol violation...).</summary>
public sealed record LinkDown(DateTimeOffset At, string NodeId, string Name, string Reason)
    : NodeEvent(At);

/// <summary>
/// A chat message arrived. <see cref="Scope"/> is "all" or "direct"; <see cref="Security"/> is
/// "link", "network" or "e2e" and is never stronger than what actually protected the message.
/// <see cref="FromChangedKey"/> flags messages from a sender whose key changed and is not yet trusted.
/// </summary>
public sealed record ChatReceived(
    DateTimeOffset At,
    string MessageId,
    string FromId,
    string FromName,
    string Text,
    string Scope,
    string Security,
    int Hops,
    DateTimeOffset SentAt,
    bool FromChangedKey)
    : NodeEvent(At);

/// <summary>A direct message this node sent was confirmed delivered by an end-to-end receipt.</summary>
public sealed record ChatDelivered(DateTimeOffset At, string MessageId, string ToId)
    : NodeEvent(At);

/// <summary>A direct message waits in the outbox because its recipient is away; it is sent when they return.</summary>
public sealed record ChatQueued(DateTimeOffset At, string MessageId, string ToId)
    : NodeEvent(At);

/// <summary>The topology actor's graph changed; the whole graph is attached.</summary>
public sealed record TopologyChanged(DateTimeOffset At, TopologyView Topology)
    : NodeEvent(At);

/// <summary>
/// A known node presented a different identity key than the one pinned on first use. Its messages
/// are flagged until the user trusts the new fingerprint.
/// </summary>
public sealed record KeyChanged(DateTimeOffset At, string NodeId, string Name, string OldFingerprint, string NewFingerprint)
    : NodeEvent(At);

/// <summary>Something the user should know that did not stop the node (dropped input, refused peer...).</summary>
public sealed record NodeWarning(DateTimeOffset At, string Message)
    : NodeEvent(At);

/// <summary>A command failed or an operation could not be done; the node carries on.</summary>
public sealed record NodeError(DateTimeOffset At, string Message)
    : NodeEvent(At);
