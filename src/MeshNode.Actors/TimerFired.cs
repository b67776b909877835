namespace MeshNode.Actors;

/// <summary>
/// A timer's firing, queued in the actor's mailbox. It is delivered only if it belongs to the timer currently
/// registered under its key (reference identity acts as the generation counter).
/// </summary>
internal sealed class TimerFired(object key) : KernelMessage
{
    public object Key { get; } = key;
}
