namespace MeshNode.Actors;

// The kernel's system protocol: one file for its message records, as for an actor's protocol (STYLE.md).

/// <summary>Stops the actor (after its children have stopped).</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Resumes an actor suspended after a failure; the failing message stays dropped.</summary>
internal sealed class Resume : SystemMessage;

/// <summary>Restarts an actor: new instance from Props, same mailbox.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>A child reports that it failed; the parent applies its supervisor strategy.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>A child tells its parent that it has fully stopped (frees its name).</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>Registers <see cref="Watcher"/> for a Terminated about <see cref="Watchee"/>.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Removes a watch registration.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher that the actor it watches has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A continuation of an async handler, run inside the actor's turn so it never races the actor.</summary>
internal sealed class AsyncContinuation(SendOrPostCallback callback, object? state, int token) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public int Token { get; } = token;
}

/// <summary>The task of an async handler finished; the mailbox resumes (or the failure is handled).</summary>
internal sealed class AsyncCompleted(Task task, int token) : SystemMessage
{
    public Task Task { get; } = task;

    public int Token { get; } = token;
}
