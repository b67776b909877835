namespace MeshNode.Actors;

/// <summary>Replies that carry success or failure, as in Akka.NET; a <see cref="Failure"/> reply faults an Ask.</summary>
public static class Status
{
    /// <summary>A successful completion with an optional value.</summary>
    /// <param name="Value">The result, if any.</param>
    public sealed record Success(object? Value);

    /// <summary>A failed completion: <c>Ask</c> rethrows <paramref name="Cause"/>; <c>PipeTo</c> sends it for a faulted task.</summary>
    /// <param name="Cause">Why it failed.</param>
    /// <param name="State">Optional context for the receiver.</param>
    public sealed record Failure(Exception Cause, object? State = null);
}
