namespace MeshNode.Actors;

/// <summary>
/// Base of the kernel's own user-queue messages (timer firings, queued Terminated, receive timeouts): handled by the
/// cell, never seen by the actor's behavior, never published as dead letters.
/// </summary>
internal abstract class KernelMessage;
