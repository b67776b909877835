namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    // Most actors have at most one watcher (their parent or a single peer): one ref until a second one arrives.
    private IInternalActorRef? _watcher;
    private HashSet<IInternalActorRef>? _watchers;
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, this));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, this))
        {
            return subject;
        }

        if (subject is not IInternalActorRef watchee)
        {
            throw new ArgumentException($"{Path} cannot watch {subject.Path}: not a ref of this kernel.", nameof(subject));
        }

        _watching ??= [];
        if (_watching.TryAdd(subject, message))
        {
            watchee.SendSystemMessage(new Watch(watchee, this));
        }
        else
        {
            _watching[subject] = message;
        }

        return subject;
    }

    private void HandleWatch(Watch watch)
    {
        if (!ReferenceEquals(watch.Watchee, this) || ReferenceEquals(watch.Watcher, this) || ReferenceEquals(watch.Watcher, _watcher))
        {
            return;
        }

        if (_watcher is null && _watchers is null)
        {
            _watcher = watch.Watcher;
        }
        else
        {
            (_watchers ??= []).Add(watch.Watcher);
        }
    }

    private void HandleUnwatch(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, this))
        {
            if (ReferenceEquals(_watcher, unwatch.Watcher))
            {
                _watcher = null;
            }

            _watchers?.Remove(unwatch.Watcher);
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        if (_watching is null || !_watching.Remove(notification.Actor, out var custom))
        {
            return;
        }

        (_terminatedQueued ??= []).Add(notification.Actor);
        var message = custom ?? new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false);

        // Delivered through the mailbox, after what the dead actor sent before it stopped.
        Tell(new QueuedTerminated(notification.Actor, message), notification.Actor);
    }

    private void TellWatchersWeDied()
    {
        _watcher?.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        _watcher = null;
        if (_watchers is null)
        {
            return;
        }

        foreach (var watcher in _watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }

        _watchers = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var subject in _watching.Keys)
        {
            if (subject is IInternalActorRef watchee)
            {
                watchee.SendSystemMessage(new Unwatch(watchee, this));
            }
        }

        _watching = null;
        _terminatedQueued = null;
    }
}
