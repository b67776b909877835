namespace MeshNode.Actors;

/// <summary>Published on the event stream for every message that could not be delivered (recipient stopped or Nobody).</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender, if any.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
