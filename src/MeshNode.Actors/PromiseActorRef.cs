namespace MeshNode.Actors;

/// <summary>
/// A temporary ref (<c>/temp/$n</c>) that completes a task with the first message told to it; used by Ask and
/// GracefulStop. Late replies go to dead letters.
/// </summary>
internal sealed class PromiseActorRef : IInternalActorRef
{
    private readonly ActorSystem _system;
    private readonly TaskCompletionSource<object> _promise;
    private ICancelable? _timeout;

    public PromiseActorRef(ActorSystem system)
    {
        _system = system;
        Path = ActorPath.Root.Child("temp").Child(system.NextTempName());

        // The task's AsyncState keeps this ref (and so its timeout) alive as long as someone awaits the task.
        _promise = new TaskCompletionSource<object>(this, TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public ActorPath Path { get; }

    public bool IsTerminated => _promise.Task.IsCompleted;

    public Task<object> Result => _promise.Task;

    public void StartTimeout(TimeSpan timeout, Func<Exception> onTimeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timeout = _system.Scheduler.ScheduleOnce(timeout, () => _promise.TrySetException(onTimeout()));
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_promise.TrySetResult(message))
        {
            _timeout?.Cancel();
        }
        else
        {
            _system.DeadLetter(message, sender, this);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification notification:
                Tell(new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false), notification.Actor);
                break;
            case Watch watch when ReferenceEquals(watch.Watchee, this):
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: IsTerminated));
                break;
        }
    }

    public void Fail(Exception exception)
    {
        _promise.TrySetException(exception);
        _timeout?.Cancel();
    }

    public override string ToString() => Path.ToString();
}
