namespace MeshNode.Actors;

/// <summary>
/// Base of the kernel's system messages (create, watch, supervision, termination, async continuations).
/// Each instance is sent once: <see cref="Next"/> links it into the receiving cell's lock-free list.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next { get; set; }
}
