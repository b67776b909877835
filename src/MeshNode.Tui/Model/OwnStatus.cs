namespace MeshNode.Tui.Model;

/// <summary>What became of a message this node sent.</summary>
internal enum OwnStatus
{
    /// <summary>Handed to the mesh; broadcasts stay here (they have no receipts).</summary>
    Sent,

    /// <summary>Waiting in the outbox for an away recipient.</summary>
    Queued,

    /// <summary>The recipient confirmed it with an end-to-end receipt.</summary>
    Delivered,

    /// <summary>The node gave up on it.</summary>
    Failed,
}
