namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    // Most actors have at most one watcher (their parent or a single peer): one ref until a second one arrives.
    private IInternalActorRef? _watcher;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (Watching is not null && Watching.Remove(subject) && subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, this));
        }

        TerminatedQueued?.Remove(subject);
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

        Watching ??= [];
        if (Watching.TryAdd(subject, message))
        {
            watchee.SendSystemMessage(new Watch(watchee, this));
        }
        else
        {
            Watching[subject] = message;
        }

        return subject;
    }

    private void HandleWatch(Watch watch)
    {
        if (!ReferenceEquals(watch.Watchee, this) || ReferenceEquals(watch.Watcher, this) || ReferenceEquals(watch.Watcher, _watcher))
        {
            return;
        }

        if (_watcher is null && Watchers is null)
        {
            _watcher = watch.Watcher;
        }
        else
        {
            (Watchers ??= []).Add(watch.Watcher);
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

            Watchers?.Remove(unwatch.Watcher);
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        if (Watching is null || !Watching.Remove(notification.Actor, out var custom))
        {
            return;
        }

        (TerminatedQueued ??= []).Add(notification.Actor);
        var message = custom ?? new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false);

        // Delivered through the mailbox, after what the dead actor sent before it stopped.
        Tell(new QueuedTerminated(notification.Actor, message), notification.Actor);
    }

    private void TellWatchersWeDied()
    {
        _watcher?.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        _watcher = null;
        if (Watchers is null)
        {
            return;
        }

        foreach (var watcher in Watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }

        Watchers = null;
    }

    private void UnwatchWatchedActors()
    {
        if (Watching is null)
        {
            return;
        }

        foreach (var subject in Watching.Keys)
        {
            if (subject is IInternalActorRef watchee)
            {
                watchee.SendSystemMessage(new Unwatch(watchee, this));
            }
        }

        Watching = null;
        TerminatedQueued = null;
    }
}
