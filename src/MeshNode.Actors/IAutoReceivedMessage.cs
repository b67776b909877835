namespace MeshNode.Actors;

/// <summary>Messages the kernel handles itself before the actor's behavior sees them (PoisonPill, Kill).</summary>
public interface IAutoReceivedMessage;
