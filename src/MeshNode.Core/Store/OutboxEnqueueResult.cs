namespace MeshNode.Core.Store;

/// <summary>The result of <see cref="IMeshStore.EnqueueAsync"/>.</summary>
public enum OutboxEnqueueResult
{
    /// <summary>Queued.</summary>
    Added,

    /// <summary>An item with this message id is already queued; nothing changed.</summary>
    Duplicate,

    /// <summary>The destination already has <see cref="MeshStoreSettings.MaxOutboxPerDestination"/> items: not queued (say so to the user).</summary>
    Full,
}
