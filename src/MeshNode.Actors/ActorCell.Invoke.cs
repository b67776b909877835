namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private ActorBase? _actor;
    // Null means the actor's own Receive (the initial behavior): the common case costs no delegate.
    private Receive? _behavior;

    // Async handlers: the mailbox stays suspended while _awaitingAsync; _asyncToken tells stale completions apart.
    private bool _awaitingAsync;
    private int _asyncToken;

    internal object? CurrentMessage => _currentMessage;

    private void Invoke(Envelope envelope)
    {
        var message = envelope.Message;
        _currentMessage = message;
        _currentSender = envelope.Sender;
        try
        {
            if (message is KernelMessage kernel)
            {
                HandleKernelMessage(kernel);
            }
            else if (message is PoisonPill)
            {
                SendSystemMessage(new Terminate());
            }
            else if (message is Kill)
            {
                throw new ActorKilledException($"{Path} was killed (Kill message).");
            }
            else
            {
                ReceiveMessage(message);
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex);
        }
        finally
        {
            if (!_awaitingAsync)
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }

        if (ReceiveTimeoutValue is not null && message is not INotInfluenceReceiveTimeout && message is not KernelMessage)
        {
            RestartReceiveTimeout();
        }
    }

    private void ReceiveMessage(object message)
    {
        var handled = _behavior is null ? _actor!.InvokeReceive(message) : _behavior(message);
        if (!handled)
        {
            _actor!.InvokeUnhandled(message);
        }
    }

    private void HandleKernelMessage(KernelMessage message)
    {
        switch (message)
        {
            case TimerFired fired:
                if (TimersState is not null && TimersState.TryTake(fired, out var timerMessage))
                {
                    _currentMessage = timerMessage;
                    _currentSender = null;
                    ReceiveMessage(timerMessage);
                    if (ReceiveTimeoutValue is not null && timerMessage is not INotInfluenceReceiveTimeout)
                    {
                        RestartReceiveTimeout();
                    }
                }

                break;
            case QueuedTerminated queued:
                if (TerminatedQueued is not null && TerminatedQueued.Remove(queued.Actor))
                {
                    _currentMessage = queued.Message;
                    _currentSender = queued.Actor;
                    ReceiveMessage(queued.Message);
                    if (ReceiveTimeoutValue is not null && queued.Message is not INotInfluenceReceiveTimeout)
                    {
                        RestartReceiveTimeout();
                    }
                }

                break;
            case ReceiveTimeoutFired:
                if (ReceiveTimeoutValue is { } timeout
                    && System.TimeProvider.GetElapsedTime(LastActivity) >= timeout)
                {
                    _currentMessage = Actors.ReceiveTimeout.Instance;
                    ReceiveMessage(Actors.ReceiveTimeout.Instance);
                    RestartReceiveTimeout();
                }

                break;
        }
    }

    private void HandleInvokeFailure(Exception cause)
    {
        if (_terminating)
        {
            System.LogError(Path, $"{Path} failed while stopping: {cause.Message}", cause);
            return;
        }

        _suspendedForFailure = true;
        FailedMessage = _currentMessage;
        if (_parent is null)
        {
            System.LogError(Path, $"{Path} (root guardian) failed: {cause.Message}", cause);
            SendSystemMessage(new Terminate());
            return;
        }

        _parent.SendSystemMessage(new Failed(this, cause));
    }

    /// <summary>Runs an async handler on this turn; if its task is pending, suspends the mailbox until it completes.</summary>
    internal void RunAsync<T>(Func<T, Task> handler, T argument)
    {
        var token = ++_asyncToken;
        var context = new ActorSynchronizationContext(this, token);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(argument);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            // Throws the handler's exception, if any, into the normal failure path.
            task.GetAwaiter().GetResult();
            return;
        }

        _awaitingAsync = true;
        AsyncContext = context;
        task.ContinueWith(
            static (t, state) =>
            {
                var (cell, token) = ((ActorCell, int))state!;
                cell.SendSystemMessage(new AsyncCompleted(t, token));
            },
            (this, token),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void HandleAsyncContinuation(AsyncContinuation continuation)
    {
        if (continuation.Token != _asyncToken || !_awaitingAsync || AsyncContext is null)
        {
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(AsyncContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleAsyncCompleted(AsyncCompleted completed)
    {
        if (completed.Token != _asyncToken || !_awaitingAsync)
        {
            return;
        }

        _awaitingAsync = false;
        AsyncContext = null;
        if (completed.Task.IsFaulted || completed.Task.IsCanceled)
        {
            var cause = completed.Task.Exception?.InnerException
                ?? new TaskCanceledException($"{Path}: async handler was cancelled.");
            HandleInvokeFailure(cause);
        }

        _currentMessage = null;
        _currentSender = null;
        if (ReceiveTimeoutValue is not null)
        {
            RestartReceiveTimeout();
        }
    }

    private void AbandonAsync()
    {
        _asyncToken++;
        _awaitingAsync = false;
        AsyncContext = null;
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (BehaviorStack is { Count: > 0 })
        {
            BehaviorStack[^1] = receive;
        }
        else
        {
            BehaviorStack = [receive];
        }

        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (BehaviorStack ??= []).Add(receive);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (BehaviorStack is { Count: > 0 })
        {
            BehaviorStack.RemoveAt(BehaviorStack.Count - 1);
        }

        _behavior = BehaviorStack is { Count: > 0 } ? BehaviorStack[^1] : null;
    }
}
