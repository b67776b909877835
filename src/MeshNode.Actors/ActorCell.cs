using System.Collections.Concurrent;

namespace MeshNode.Actors;

/// <summary>
/// The kernel's actor: ref, mailbox and context in one object (one allocation per actor besides the instance).
/// Thread rules: <see cref="Tell"/> and <see cref="SendSystemMessage"/> are safe from any thread; every other member
/// runs on the actor's turn, which the scheduling status guarantees is never concurrent with itself.
/// </summary>
internal sealed partial class ActorCell : IInternalActorRef, IActorContext, IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    [ThreadStatic]
    private static ActorCell? _creating;

    private readonly ActorCell? _parent;
    private readonly int _throughput;

    // Mailbox. _status is Idle or Scheduled: Tell schedules the cell only on the Idle -> Scheduled transition.
    private int _status;
    private ConcurrentQueue<Envelope>? _mailbox;
    private Queue<Envelope>? _front;
    private SystemMessage? _systemHead;
    private volatile bool _closed;

    // Owner-only state (the actor's turn). _needsCreate is set before the first scheduling (a flag rather than a
    // Create message: one allocation less per actor) and handled before any system message.
    private bool _needsCreate;
    private bool _created;
    private bool _suspendedForFailure;
    private bool _terminating;
    private object? _currentMessage;
    private IActorRef? _currentSender;

    public ActorCell(ActorSystem system, ActorCell? parent, ActorPath path, Props props)
    {
        System = system;
        _parent = parent;
        Path = path;
        Props = props;
        _throughput = system.Settings.Throughput;
    }

    public ActorSystem System { get; }

    public ActorPath Path { get; }

    public Props Props { get; }

    public bool IsTerminated => _closed;

    public IActorRef? Sender => _currentSender;

    public IActorRef? CurrentSender => _currentSender;

    public IActorRef Self => this;

    public IActorRef Parent => (IActorRef?)_parent ?? this;

    internal ActorBase? Actor => _actor;

    private bool CanProcessUserMessages => _created && !_suspendedForFailure && !_awaitingAsync && !_terminating;

    /// <summary>The cell whose actor is being constructed on this thread (consumed by the ActorBase constructor).</summary>
    internal static ActorCell? TakeCreatingCell()
    {
        var cell = _creating;
        _creating = null;
        return cell;
    }

    /// <summary>Queues the Create system message; call once, after the cell is registered with its parent.</summary>
    internal void Start()
    {
        _needsCreate = true;
        TrySchedule();
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_closed)
        {
            System.DeadLetter(message, sender, this);
            return;
        }

        var queue = _mailbox ?? CreateMailbox();
        queue.Enqueue(new Envelope(message, sender));
        if (_closed)
        {
            // The cell closed between the check and the enqueue: hand over what is left ourselves.
            DrainMailboxToDeadLetters();
            return;
        }

        if (Volatile.Read(ref _status) == Idle)
        {
            // The sender usually runs on a pool thread: queueing the receiver locally keeps the hand-off on this
            // core's work-stealing queue (idle threads still steal it) instead of contending on the global queue.
            TrySchedule(preferLocal: true);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemHead);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemHead, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }

            head = seen;
        }

        if (_closed)
        {
            DrainSystemMessagesAfterClose();
            return;
        }

        TrySchedule();
    }

    public override string ToString() => Path.ToString();

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            if (!_closed)
            {
                if (_needsCreate)
                {
                    _needsCreate = false;
                    HandleCreate();
                }

                ProcessSystemMessages();
                for (var i = 0; i < _throughput && CanProcessUserMessages && TryDequeue(out var envelope); i++)
                {
                    Invoke(envelope);
                    if (Volatile.Read(ref _systemHead) is not null)
                    {
                        ProcessSystemMessages();
                    }
                }
            }
        }
        finally
        {
            if (HasWork())
            {
                // Still Scheduled (no Tell can schedule us meanwhile): requeue at the back of the global queue, so
                // a busy actor yields to the others, without the two interlocked operations of Idle and back.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
            else
            {
                // Full fence, so a Tell that enqueued before this write sees Idle and schedules, or we see its message.
                Interlocked.Exchange(ref _status, Idle);
                if (HasWork())
                {
                    TrySchedule();
                }
            }
        }
    }

    private bool HasWork() =>
        !_closed && (Volatile.Read(ref _systemHead) is not null || (CanProcessUserMessages && HasUserMessages()));

    private void TrySchedule(bool preferLocal = false)
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
        }
    }

    private ConcurrentQueue<Envelope> CreateMailbox()
    {
        // Created on first Tell: actors that only start and stop never pay for a queue segment.
        Interlocked.CompareExchange(ref _mailbox, new ConcurrentQueue<Envelope>(), null);
        return _mailbox;
    }

    private bool HasUserMessages() => _front is { Count: > 0 } || _mailbox is { IsEmpty: false };

    private bool TryDequeue(out Envelope envelope)
    {
        if (_front is { Count: > 0 })
        {
            envelope = _front.Dequeue();
            return true;
        }

        if (_mailbox is not null)
        {
            return _mailbox.TryDequeue(out envelope);
        }

        envelope = default;
        return false;
    }

    /// <summary>Puts messages back at the front of the mailbox, in order (unstash, restart).</summary>
    internal void Prepend(IEnumerable<Envelope> envelopes)
    {
        var queue = new Queue<Envelope>(envelopes);
        if (_front is not null)
        {
            foreach (var e in _front)
            {
                queue.Enqueue(e);
            }
        }

        _front = queue;
    }

    private void ProcessSystemMessages()
    {
        while (Volatile.Read(ref _systemHead) is not null)
        {
            var list = Reverse(Interlocked.Exchange(ref _systemHead, null));
            while (list is not null)
            {
                var next = list.Next;
                list.Next = null;
                if (_closed)
                {
                    HandleAfterClose(list);
                }
                else
                {
                    try
                    {
                        HandleSystemMessage(list);
                    }
                    catch (Exception ex)
                    {
                        System.LogError(Path, $"{Path}: error while handling {list.GetType().Name}", ex);
                    }
                }

                list = next;
            }
        }
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        SystemMessage? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }

    private void DrainSystemMessagesAfterClose()
    {
        var list = Reverse(Interlocked.Exchange(ref _systemHead, null));
        while (list is not null)
        {
            var next = list.Next;
            list.Next = null;
            HandleAfterClose(list);
            list = next;
        }
    }

    private void HandleAfterClose(SystemMessage message)
    {
        // A watch that arrives after the actor stopped still gets its one notification.
        if (message is Watch watch && ReferenceEquals(watch.Watchee, this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }
    }

    private void DrainMailboxToDeadLetters()
    {
        while (_mailbox is not null && _mailbox.TryDequeue(out var envelope))
        {
            System.DeadLetter(envelope.Message, envelope.Sender, this);
        }
    }
}
