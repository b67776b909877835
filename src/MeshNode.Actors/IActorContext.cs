namespace MeshNode.Actors;

/// <summary>
/// What an actor knows about itself and can do to the hierarchy. Use it only from the actor's own turn (its
/// handlers, lifecycle hooks, and the continuations of its async handlers); it is not thread-safe.
/// </summary>
public interface IActorContext
{
    /// <summary>The actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (stays correct across awaits in ReceiveAsync); null if none.</summary>
    IActorRef? Sender { get; }

    /// <summary>The supervisor (parent) of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The Props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The live children (including those being stopped).</summary>
    IReadOnlyList<IActorRef> GetChildren();

    /// <summary>The child with this name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>
    /// Creates a child. Names must be unique among siblings (a name stays taken until its actor has fully stopped);
    /// null generates one. Throws <see cref="InvalidActorNameException"/> for a bad or taken name.
    /// </summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or this actor: the current message finishes, later ones go to dead letters.</summary>
    void Stop(IActorRef child);

    /// <summary>Watches an actor: exactly one <see cref="Terminated"/> arrives when it stops (at once if already stopped).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/> but delivers <paramref name="message"/> instead of Terminated.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a Terminated already queued for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behavior.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behavior; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behavior pushed by <see cref="BecomeStacked"/> (the initial behavior is never popped).</summary>
    void UnbecomeStacked();

    /// <summary>
    /// After <paramref name="timeout"/> without any message, <see cref="ReceiveTimeout"/> is delivered (repeatedly while
    /// idle). Every message not marked <see cref="INotInfluenceReceiveTimeout"/> resets it; null turns it off.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The receive timeout in force, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>A logger whose events carry this actor's path.</summary>
    ILoggingAdapter GetLogger();
}
