namespace MeshNode.Actors;

/// <summary>Ask, GracefulStop and Forward, as extension methods on refs (Akka.NET's names).</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply. The task faults
    /// with <see cref="AskTimeoutException"/> after <paramref name="timeout"/> (null: <see cref="ActorSystemSettings.AskTimeout"/>),
    /// with the cause of a <see cref="Status.Failure"/> reply, or with <see cref="InvalidCastException"/> if the reply
    /// is not a <typeparamref name="T"/>. Timing uses the system's TimeProvider.
    /// </summary>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await Ask(target, message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            _ => throw new InvalidCastException(
                $"Ask to {target.Path} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}."),
        };
    }

    /// <summary>Like <see cref="Ask{T}"/> but accepts any reply type (a <see cref="Status.Failure"/> still faults).</summary>
    public static async Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (target is not ActorCell cell)
        {
            throw new AskTimeoutException($"Ask to {target.Path}: the recipient is not a live actor of this kernel.");
        }

        var system = cell.System;
        var wait = timeout ?? system.Settings.AskTimeout;
        var promise = new PromiseActorRef(system);
        promise.StartTimeout(wait, () => new AskTimeoutException(
            $"Ask to {target.Path} timed out after {wait} (message {message.GetType().Name})."));
        await using var registration = cancellationToken.Register(
            static s => ((PromiseActorRef)s!).Fail(new TaskCanceledException("Ask was cancelled.")), promise).ConfigureAwait(false);
        target.Tell(message, promise);
        var reply = await promise.Result.ConfigureAwait(false);
        if (reply is Status.Failure failure)
        {
            throw failure.Cause;
        }

        return reply;
    }

    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with true once the actor has
    /// stopped; faults with <see cref="AskTimeoutException"/> if it has not stopped within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not ActorCell cell)
        {
            return true;
        }

        var promise = new PromiseActorRef(cell.System);
        promise.StartTimeout(timeout, () => new AskTimeoutException($"GracefulStop of {target.Path} timed out after {timeout}."));
        cell.SendSystemMessage(new Watch(cell, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance);
        try
        {
            var reply = await promise.Result.ConfigureAwait(false);
            return reply is Terminated terminated && ReferenceEquals(terminated.ActorRef, target);
        }
        catch (AskTimeoutException)
        {
            cell.SendSystemMessage(new Unwatch(cell, promise));
            throw;
        }
    }

    /// <summary>Sends <paramref name="message"/> keeping the current sender of <paramref name="context"/> (Akka's Forward).</summary>
    public static void Forward(this IActorRef target, object message, IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        target.Tell(message, context.Sender);
    }
}
