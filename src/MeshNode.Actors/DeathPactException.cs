namespace MeshNode.Actors;

/// <summary>Thrown when an actor does not handle the Terminated of an actor it watches; the default strategy stops the actor.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception with a message that names the actor path involved.</summary>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DeathPactException()
    {
    }
}
