using System.Threading.Channels;

namespace MeshNode.Actors.TestKit;

/// <summary>
/// An actor the test controls: what it receives is queued and checked with the Expect methods. Waits are in real
/// time (even when the system runs on a <see cref="TestScheduler"/>); default timeouts scale with
/// <see cref="TestKitSettings.TimeFactor"/>. Use a probe from one test thread at a time.
/// </summary>
public sealed partial class TestProbe
{
    private readonly Channel<ReceivedMessage> _inbox;
    private ReceivedMessage? _peeked;

    internal TestProbe(ActorSystem system, string name)
    {
        System = system;
        _inbox = Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = true });
        var writer = _inbox.Writer;
        Ref = system.SystemActorOf(Props.Create(() => new TestProbeActor(writer)), name);
    }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>The probe's ref: pass it as a sender or a target.</summary>
    public IActorRef Ref { get; }

    /// <summary>The last message taken by an Expect or Receive method.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>The sender of <see cref="LastMessage"/>.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Forwards the last received message to <paramref name="target"/> with its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var message = LastMessage ?? throw new InvalidOperationException($"{Ref.Path} has received nothing to forward.");
        target.Tell(message, LastSender);
    }

    /// <summary>Forwards <paramref name="message"/> to <paramref name="target"/> with <see cref="LastSender"/> as sender.</summary>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <summary>Replies to <see cref="LastSender"/> with the probe as sender.</summary>
    public void Reply(object message)
    {
        var sender = LastSender ?? throw new InvalidOperationException($"{Ref.Path}: the last message had no sender to reply to.");
        sender.Tell(message, Ref);
    }

    /// <summary>Makes the probe watch <paramref name="target"/>, so <see cref="ExpectTerminatedAsync"/> can see it stop.</summary>
    public IActorRef Watch(IActorRef target)
    {
        Ref.Tell(new TestProbeActor.WatchCommand(target));
        return target;
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target)
    {
        Ref.Tell(new TestProbeActor.UnwatchCommand(target));
        return target;
    }

    /// <summary>Takes the next message, or null if none arrives within <paramref name="timeout"/> (default: the default timeout).</summary>
    public async Task<ReceivedMessage?> ReceiveOneAsync(TimeSpan? timeout = null)
    {
        var item = await TryTakeAsync(TestDeadline.Remaining(timeout, TestKitSettings.DefaultTimeout), peekOnly: false).ConfigureAwait(false);
        if (item is not null)
        {
            LastMessage = item.Message;
            LastSender = item.Sender;
        }

        return item;
    }

    /// <summary>True if a message is waiting right now.</summary>
    public bool HasMessages => _peeked is not null || _inbox.Reader.Count > 0;

    private async Task<ReceivedMessage?> TryTakeAsync(TimeSpan timeout, bool peekOnly)
    {
        if (_peeked is null)
        {
            if (!_inbox.Reader.TryRead(out var ready))
            {
                if (timeout <= TimeSpan.Zero)
                {
                    return null;
                }

                using var cts = new CancellationTokenSource(timeout);
                try
                {
                    ready = await _inbox.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }

            _peeked = ready;
        }

        var item = _peeked;
        if (!peekOnly)
        {
            _peeked = null;
        }

        return item;
    }

    private void Take()
    {
        var item = _peeked!;
        _peeked = null;
        LastMessage = item.Message;
        LastSender = item.Sender;
    }
}
