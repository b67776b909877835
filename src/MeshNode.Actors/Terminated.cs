namespace MeshNode.Actors;

/// <summary>
/// Delivered once per watch when a watched actor has stopped. If the watcher does not handle it, the watcher fails
/// with <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the watched ref never pointed to a live actor (Nobody, dead letters).</param>
/// <param name="AddressTerminated">Always false: the kernel is local only.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;
