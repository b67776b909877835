namespace MeshNode.Actors;

/// <summary>Faults an Ask whose reply did not arrive within the timeout.</summary>
public sealed class AskTimeoutException : Exception
{
    /// <summary>Creates the exception with a message that names the actor path involved.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public AskTimeoutException()
    {
    }
}
