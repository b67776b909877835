namespace MeshNode.Core.Store;

/// <summary>Marks on a stored chat message.</summary>
[Flags]
public enum ChatMessageFlags
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>Sent by this node.</summary>
    Outgoing = 1,

    /// <summary>Signed by a key that differs from the pinned one (shown flagged until /trust).</summary>
    FromChangedKey = 2,

    /// <summary>Delivery gave up (outbox expired).</summary>
    Failed = 4,
}
