namespace MeshNode.Actors;

/// <summary>
/// An actor whose behavior is a list of typed handlers declared in its constructor (or inside <see cref="Become"/>).
/// The first handler whose type and predicate match wins; a message no handler takes goes to
/// <see cref="ActorBase.Unhandled"/>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerList _initial = new();
    private HandlerList? _building;

    /// <summary>Starts collecting the initial handlers.</summary>
    protected ReceiveActor()
    {
        _building = _initial;
    }

    /// <inheritdoc/>
    protected sealed override bool Receive(object message) => _initial.Handle(message);

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<T>(handler, null));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the mailbox is suspended until the task
    /// completes and continuations run on the actor's turn, so Self, Sender and state stay correct after awaits.
    /// A faulted task is a failure of the actor (supervision applies).
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(this, handler, shouldHandle));
    }

    /// <summary>Like <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>, predicate first (as <see cref="Receive{T}(Predicate{T}, Action{T})"/>).</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles any message (put it last: handlers after it never run).</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Handles any message asynchronously (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<object>(this, handler, null));
    }

    /// <summary>Replaces the behavior with the handlers that <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure)
    {
        Context.Become(Build(configure));
    }

    /// <summary>Pushes the handlers that <paramref name="configure"/> declares; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure)
    {
        Context.BecomeStacked(Build(configure));
    }

    /// <summary>Returns to the behavior before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    internal override void AfterConstruction() => _building = null;

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var list = new HandlerList();
        var previous = _building;
        _building = list;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return list.Handle;
    }

    private void Add(Handler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException(
                $"{Cell.Path}: Receive handlers can only be declared in the constructor or inside Become/BecomeStacked.");
        }

        _building.Add(handler);
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> action, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class AsyncHandler<T>(ReceiveActor owner, Func<T, Task> action, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                owner.Cell.RunAsync(action, typed);
                return true;
            }

            return false;
        }
    }

    private sealed class HandlerList
    {
        private Handler[] _handlers = [];

        public void Add(Handler handler) => _handlers = [.. _handlers, handler];

        public bool Handle(object message)
        {
            foreach (var handler in _handlers)
            {
                if (handler.TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
