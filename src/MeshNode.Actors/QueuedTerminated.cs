namespace MeshNode.Actors;

/// <summary>A Terminated (or WatchWith message) queued for delivery; dropped if the watcher unwatched meanwhile.</summary>
internal sealed class QueuedTerminated(IActorRef actor, object message) : KernelMessage
{
    public IActorRef Actor { get; } = actor;

    public object Message { get; } = message;
}
