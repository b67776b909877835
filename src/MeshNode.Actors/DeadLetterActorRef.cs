namespace MeshNode.Actors;

/// <summary>The <c>/deadLetters</c> ref: publishes what it is told as <see cref="DeadLetter"/> and logs at a limited rate.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IInternalActorRef
{
    private readonly Lock _lock = new();
    private long _windowStart;
    private int _loggedInWindow;
    private int _suppressedInWindow;

    public ActorPath Path { get; } = ActorPath.Root.Child("deadLetters");

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Deliver(message, sender, this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    public void Deliver(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is KernelMessage)
        {
            return;
        }

        if (message is DeadLetter)
        {
            // A dead letter about a dead letter would loop.
            return;
        }

        var letter = new DeadLetter(message, sender, recipient);
        system.EventStream.Publish(letter);
        LogRateLimited(letter);
    }

    public override string ToString() => Path.ToString();

    private void LogRateLimited(DeadLetter letter)
    {
        var limit = system.Settings.DeadLetterLogLimit;
        if (limit <= 0)
        {
            return;
        }

        string? text = null;
        lock (_lock)
        {
            var now = system.TimeProvider.GetTimestamp();
            if (_loggedInWindow == 0 || system.TimeProvider.GetElapsedTime(_windowStart, now) > system.Settings.DeadLetterLogInterval)
            {
                if (_suppressedInWindow > 0)
                {
                    text = $"{_suppressedInWindow} more dead letters were not logged. ";
                }

                _windowStart = now;
                _loggedInWindow = 0;
                _suppressedInWindow = 0;
            }

            if (_loggedInWindow < limit)
            {
                _loggedInWindow++;
                text += $"Message {letter.Message.GetType().Name} from {letter.Sender?.Path.ToString() ?? "no sender"} to {letter.Recipient.Path} was not delivered (dead letter {_loggedInWindow} of at most {limit} logged per {system.Settings.DeadLetterLogInterval}).";
            }
            else
            {
                _suppressedInWindow++;
            }
        }

        if (text is not null)
        {
            system.WriteLog(LogLevel.Info, letter.Recipient.Path, text, null);
        }
    }
}
