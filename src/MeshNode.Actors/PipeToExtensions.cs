namespace MeshNode.Actors;

/// <summary>Sends the outcome of a task to an actor, so actors never await outside their turn.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or, if it failed, <see cref="Status.Failure"/> with the exception (or what
    /// <paramref name="failure"/> maps it to). A null result is sent as <see cref="Status.Success"/>(null).
    /// </summary>
    public static async Task PipeTo<T>(
        this Task<T> task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = success is not null ? success(result) : (object?)result ?? new Status.Success(null);
        }
        catch (Exception ex)
        {
            message = failure is not null ? failure(ex) : new Status.Failure(ex);
        }

        recipient.Tell(message, sender);
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> <see cref="Status.Success"/>(null)
    /// (or what <paramref name="success"/> returns), or <see cref="Status.Failure"/> (or what <paramref name="failure"/> returns).
    /// </summary>
    public static async Task PipeTo(
        this Task task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            await task.ConfigureAwait(false);
            message = success is not null ? success() : new Status.Success(null);
        }
        catch (Exception ex)
        {
            message = failure is not null ? failure(ex) : new Status.Failure(ex);
        }

        recipient.Tell(message, sender);
    }
}
