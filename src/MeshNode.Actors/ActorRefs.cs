namespace MeshNode.Actors;

/// <summary>Well-known refs, as in Akka.NET.</summary>
public static class ActorRefs
{
    /// <summary>A ref that points to no actor: messages told to it are dropped silently; watching it yields Terminated at once.</summary>
    public static IActorRef Nobody { get; } = new NobodyRef();

    /// <summary>Use as the sender argument when a message has no sender (null).</summary>
    public static IActorRef? NoSender => null;
}
