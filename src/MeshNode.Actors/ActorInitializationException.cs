namespace MeshNode.Actors;

/// <summary>
/// Wraps a failure of an actor's constructor or PreStart (or PostRestart); the default strategy stops the actor.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception; the message should name the actor path.</summary>
    public ActorInitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>The path of the actor that failed to start, when known.</summary>
    public ActorPath? ActorPath { get; init; }
}
