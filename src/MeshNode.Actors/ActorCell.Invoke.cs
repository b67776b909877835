namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    private ActorBase? _actor;
    // Null means the actor's own Receive (the initial behavior): the common case costs no delegate.
    private Receive? _behavior;
    private List<Receive>? _behaviorStack;
    private object? _failedMessage;

    // Async handlers: the mailbox stays suspended while _awaitingAsync; _asyncToken tells stale completions apart.
    private bool _awaitingAsync;
    private int _asyncToken;
    private ActorSynchronizationContext? _asyncContext;

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

        if (_receiveTimeout is not null && message is not INotInfluenceReceiveTimeout && message is not KernelMessage)
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
                if (_timers is not null && _timers.TryTake(fired, out var timerMessage))
                {
                    _currentMessage = timerMessage;
                    _currentSender = null;
                    ReceiveMessage(timerMessage);
                    if (_receiveTimeout is not null && timerMessage is not INotInfluenceReceiveTimeout)
                    {
                        RestartReceiveTimeout();
                    }
                }

                break;
            case QueuedTerminated queued:
                if (_terminatedQueued is not null && _terminatedQueued.Remove(queued.Actor))
                {
                    _currentMessage = queued.Message;
                    _currentSender = queued.Actor;
                    ReceiveMessage(queued.Message);
                    if (_receiveTimeout is not null && queued.Message is not INotInfluenceReceiveTimeout)
                    {
                        RestartReceiveTimeout();
                    }
                }

                break;
            case ReceiveTimeoutFired:
                if (_receiveTimeout is { } timeout
                    && System.TimeProvider.GetElapsedTime(_lastActivity) >= timeout)
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
        _failedMessage = _currentMessage;
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
        _asyncContext = context;
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
        if (continuation.Token != _asyncToken || !_awaitingAsync || _asyncContext is null)
        {
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_asyncContext);
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
        _asyncContext = null;
        if (completed.Task.IsFaulted || completed.Task.IsCanceled)
        {
            var cause = completed.Task.Exception?.InnerException
                ?? new TaskCanceledException($"{Path}: async handler was cancelled.");
            HandleInvokeFailure(cause);
        }

        _currentMessage = null;
        _currentSender = null;
        if (_receiveTimeout is not null)
        {
            RestartReceiveTimeout();
        }
    }

    private void AbandonAsync()
    {
        _asyncToken++;
        _awaitingAsync = false;
        _asyncContext = null;
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_behaviorStack is { Count: > 0 })
        {
            _behaviorStack[^1] = receive;
        }
        else
        {
            _behaviorStack = [receive];
        }

        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= []).Add(receive);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 })
        {
            _behaviorStack.RemoveAt(_behaviorStack.Count - 1);
        }

        _behavior = _behaviorStack is { Count: > 0 } ? _behaviorStack[^1] : null;
    }
}
