namespace MeshNode.Actors;

internal sealed partial class ActorCell
{

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case AsyncContinuation continuation:
                HandleAsyncContinuation(continuation);
                break;
            case AsyncCompleted completed:
                HandleAsyncCompleted(completed);
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
            case Watch watch:
                HandleWatch(watch);
                break;
            case Unwatch unwatch:
                HandleUnwatch(unwatch);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification);
                break;
            case Resume:
                if (!_terminating)
                {
                    _suspendedForFailure = false;
                    FailedMessage = null;
                }

                break;
            case Recreate recreate:
                HandleRecreate(recreate.Cause);
                break;
            case Terminate:
                HandleTerminate();
                break;
        }
    }

    private void HandleCreate()
    {
        try
        {
            CreateInstance();
            _actor!.InvokePreStart();
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(InitializationFailure(ex));
            return;
        }

        _created = true;
    }

    private ActorInitializationException InitializationFailure(Exception ex)
    {
        return new ActorInitializationException($"{Path} failed to start: {ex.Message}", ex) { ActorPath = Path };
    }

    private void CreateInstance()
    {
        _actor = null;
        _behavior = null;
        BehaviorStack = null;
        CachedStrategy = null;
        var previous = _creating;
        _creating = this;
        ActorBase actor;
        try
        {
            actor = Props.Factory();
        }
        finally
        {
            _creating = previous;
        }

        if (!ReferenceEquals(actor.Cell, this))
        {
            throw new ActorInitializationException($"{Path}: the Props factory returned an actor bound to another cell.");
        }

        actor.AfterConstruction();
        _actor = actor;
    }

    private void HandleRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        CancelTimersAndReceiveTimeout();
        AbandonAsync();
        var failedMessage = FailedMessage;
        FailedMessage = null;
        _suspendedForFailure = true;
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePreRestart(cause, failedMessage);
            }
            catch (Exception ex)
            {
                System.LogError(Path, $"{Path}: PreRestart failed: {ex.Message}", ex);
            }
        }

        _actor = null;
        _created = false;
        StashState?.ReturnAllToMailbox();
        if (HasStoppingChildren())
        {
            // Akka's order: the new instance starts only after the children PreRestart stopped have gone.
            PendingRecreate = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        PendingRecreate = null;
        try
        {
            CreateInstance();
            _actor!.InvokePostRestart(cause);
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(InitializationFailure(ex));
            return;
        }

        _created = true;
        _suspendedForFailure = false;
    }

    private void HandleTerminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        CancelTimersAndReceiveTimeout();
        AbandonAsync();
        if (!StopAllChildren())
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePostStop();
            }
            catch (Exception ex)
            {
                System.LogError(Path, $"{Path}: PostStop failed: {ex.Message}", ex);
            }
        }

        _actor = null;
        _behavior = null;
        BehaviorStack = null;
        _closed = true;

        // Full fence: a Tell, Subscribe or system message that raced with closing either sees _closed (and hands
        // its message over itself) or has published what we drain below.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _isEventSubscriber))
        {
            System.EventStream.Unsubscribe(this);
        }

        TellWatchersWeDied();
        UnwatchWatchedActors();
        _parent?.SendSystemMessage(new ChildTerminated(this));

        if (_front is not null)
        {
            while (_front.TryDequeue(out var envelope))
            {
                System.DeadLetter(envelope.Message, envelope.Sender, this);
            }

            _front = null;
        }

        StashState?.DropAll();
        DrainMailboxToDeadLetters();
        DrainSystemMessagesAfterClose();
        if (_parent is null)
        {
            System.OnRootTerminated();
        }
    }
}
