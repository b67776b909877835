namespace MeshNode.Actors;

/// <summary>Thrown when an actor name is empty, malformed, or already used by a sibling (names stay taken until the sibling has fully stopped).</summary>
public sealed class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception with a message that names the actor path involved.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidActorNameException()
    {
    }
}
