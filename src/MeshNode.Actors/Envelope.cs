namespace MeshNode.Actors;

/// <summary>A message and its sender as held in a mailbox (a struct, so a Tell allocates nothing of its own).</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public object Message { get; } = message;

    public IActorRef? Sender { get; } = sender;
}
