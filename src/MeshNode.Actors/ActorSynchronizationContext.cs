namespace MeshNode.Actors;

/// <summary>
/// Posts continuations of an actor's async handler back to the actor as system messages, so they run on the actor's
/// turn (never concurrently with it) and the context stays the actor's own.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, int token) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state)
    {
        cell.SendSystemMessage(new AsyncContinuation(d, state, token));
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        // Synchronous dispatch would block the turn; run inline as the caller is already on it.
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
