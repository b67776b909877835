namespace MeshNode.Actors;

/// <summary>
/// A handle to an actor. Refs are cheap to pass around and safe to use from any thread; the actor behind
/// a ref may have stopped, in which case messages go to dead letters.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's path, for example <c>/user/node/links/peer-3f2a</c>.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends a message without waiting (fire and forget). Order is kept per sender-receiver pair; delivery is at
    /// most once. <paramref name="sender"/> is what the receiver sees as <c>Sender</c>; null means no sender.
    /// </summary>
    /// <exception cref="ArgumentNullException">The message is null.</exception>
    void Tell(object message, IActorRef? sender = null);
}
