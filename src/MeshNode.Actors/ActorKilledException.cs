namespace MeshNode.Actors;

/// <summary>Thrown inside an actor that processes Kill; the default strategy stops the actor.</summary>
public sealed class ActorKilledException : Exception
{
    /// <summary>Creates the exception with a message that names the actor path involved.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ActorKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ActorKilledException()
    {
    }
}
