namespace MeshNode.Actors;

/// <summary>
/// Base of every actor. Create actors only through <see cref="Props"/> and <c>ActorOf</c>; constructing one with
/// <c>new</c> elsewhere throws <see cref="ActorInitializationException"/>. Members are meant for the actor's own turn.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCreatingCell()
            ?? throw new ActorInitializationException(
                $"{GetType().Name} was constructed directly: actors must be created by the system through Props and ActorOf.");
        if (this is IWithTimers withTimers)
        {
            withTimers.Timers = _cell.Timers;
        }

        if (this is IWithStash withStash)
        {
            withStash.Stash = _cell.Stash;
        }
    }

    /// <summary>The actor's context: self, sender, parent, children, watch, become.</summary>
    protected IActorContext Context => _cell;

    /// <summary>The actor's own ref.</summary>
    protected IActorRef Self => _cell;

    /// <summary>The sender of the current message (null if none); stays correct across awaits in async handlers.</summary>
    protected IActorRef? Sender => _cell.CurrentSender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; returns false to leave it unhandled (then <see cref="Unhandled"/> runs).</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for a message no behavior handled. The default publishes <see cref="UnhandledMessage"/> on the event
    /// stream, except for <see cref="Terminated"/>, which throws <see cref="DeathPactException"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Terminated terminated)
        {
            throw new DeathPactException(
                $"{_cell.Path} did not handle Terminated for {terminated.ActorRef.Path}, which it watched.");
        }

        _cell.System.Publish(new UnhandledMessage(message, _cell.CurrentSender, _cell));
    }

    /// <summary>Runs before the first message (and, by default, after a restart through <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor stopped (and, by default, on the old instance before a restart).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before a restart. The default stops all children and calls <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any (it is dropped).</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason)
    {
        PreStart();
    }

    /// <summary>
    /// The strategy that supervises this actor's children (unless its Props set one). The default is
    /// <see cref="Actors.SupervisorStrategy.DefaultStrategy"/>. Called once per incarnation.
    /// </summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Runs an async action as part of the current message: no other message is processed until its task completes,
    /// and its continuations run on the actor's turn (do not use ConfigureAwait(false) inside it).
    /// </summary>
    protected void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _cell.RunAsync(static a => a(), action);
    }

    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();

    /// <summary>Called by the kernel once the constructor has finished.</summary>
    internal virtual void AfterConstruction()
    {
    }
}
