namespace MeshNode.Actors;

/// <summary>The ref behind <see cref="ActorRefs.Nobody"/>.</summary>
internal sealed class NobodyRef : IInternalActorRef
{
    public ActorPath Path { get; } = ActorPath.Root.Child("nobody");

    public bool IsTerminated => true;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    public override string ToString() => "Nobody";
}
