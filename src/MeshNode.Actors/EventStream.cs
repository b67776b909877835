namespace MeshNode.Actors;

/// <summary>
/// Publish-subscribe by type for the whole system. A subscriber to a type receives every published event of that
/// type, of a type derived from it, or implementing it (an interface). Actor subscribers are removed when they stop.
/// Safe from any thread.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    internal EventStream()
    {
    }

    /// <summary>Subscribes an actor to events assignable to <paramref name="eventType"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type eventType)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(eventType);
        lock (_lock)
        {
            foreach (var s in _subscriptions)
            {
                if (ReferenceEquals(s.Actor, subscriber) && s.EventType == eventType)
                {
                    return false;
                }
            }

            _subscriptions = [.. _subscriptions, new Subscription(eventType, subscriber, null)];
        }

        if (subscriber is ActorCell cell)
        {
            cell.MarkEventSubscriber();
            if (cell.IsTerminated)
            {
                // It stopped while subscribing and may have missed the flag: remove it here instead.
                Unsubscribe(subscriber);
            }
        }

        return true;
    }

    /// <summary>
    /// Subscribes a callback to events assignable to <typeparamref name="T"/>. The callback runs on the publisher's
    /// thread: keep it short and thread-safe. Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return new CallbackRemover(this, subscription);
    }

    /// <summary>Removes one subscription of an actor; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type eventType)
    {
        return Remove(s => ReferenceEquals(s.Actor, subscriber) && s.EventType == eventType);
    }

    /// <summary>Removes every subscription of an actor; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        return Remove(s => ReferenceEquals(s.Actor, subscriber));
    }

    /// <summary>Delivers an event to every matching subscriber (actors get it with no sender).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var s in Volatile.Read(ref _subscriptions))
        {
            if (!s.EventType.IsAssignableFrom(type))
            {
                continue;
            }

            if (s.Actor is not null)
            {
                s.Actor.Tell(@event);
            }
            else
            {
                try
                {
                    s.Callback!(@event);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A broken callback must not break the publisher (often an actor mid-turn); it is dropped.
                    Remove(x => ReferenceEquals(x, s));
                }
            }
        }
    }

    private bool Remove(Func<Subscription, bool> match)
    {
        lock (_lock)
        {
            var kept = _subscriptions.Where(s => !match(s)).ToArray();
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    private sealed record Subscription(Type EventType, IActorRef? Actor, Action<object>? Callback);

    private sealed class CallbackRemover(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.Remove(s => ReferenceEquals(s, subscription));
    }
}
