namespace MeshNode.Actors;

/// <summary>A ref the kernel can send system messages to (watch, terminate, supervision).</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor has fully stopped.</summary>
    bool IsTerminated { get; }

    /// <summary>Queues a system message; system messages are processed before ordinary ones.</summary>
    void SendSystemMessage(SystemMessage message);
}
