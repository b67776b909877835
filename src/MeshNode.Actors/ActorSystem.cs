namespace MeshNode.Actors;

/// <summary>
/// A hierarchy of actors with its guardians (<c>/user</c> for yours, <c>/system</c> for infrastructure), event stream,
/// dead letters and scheduler. Create one per process (or per test) with <see cref="Create"/>; end it with
/// <see cref="Terminate"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly DeadLetterActorRef _deadLetters;
    private long _tempCounter;
    private volatile bool _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        EventStream = new EventStream();
        _deadLetters = new DeadLetterActorRef(this);
        Scheduler = new TimeProviderScheduler(settings.TimeProvider);
        Log = new LoggingAdapter(this, $"ActorSystem({name})");
        _root = new ActorCell(this, null, ActorPath.Root, Props.Create(() => new RootGuardianActor()));
        _userGuardian = (ActorCell)_root.ActorOf(
            Props.Create(() => new GuardianActor()).WithSupervisorStrategy(settings.GuardianSupervisorStrategy), "user");
        _systemGuardian = (ActorCell)_root.ActorOf(Props.Create(() => new GuardianActor()), "system");
        _root.Start();
    }

    /// <summary>The system's name (shown in logs).</summary>
    public string Name { get; }

    /// <summary>The settings it was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The system's source of time (<see cref="ActorSystemSettings.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>Publish-subscribe by type: dead letters, unhandled messages, log events, and your own events.</summary>
    public EventStream EventStream { get; }

    /// <summary>The dead-letter ref: what is told to it is published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>Schedules messages and actions through the system's TimeProvider.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>A logger with the system as source.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>Completes when every actor has stopped after <see cref="Terminate"/> (or a guardian failure).</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>Creates and starts a system.</summary>
    /// <param name="name">Name for logs; letters, digits, '-' and '_'.</param>
    /// <param name="settings">Settings; null for the defaults.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        settings ??= new ActorSystemSettings();
        if (settings.Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "ActorSystemSettings.Throughput must be at least 1.");
        }

        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under <c>/user</c> (see <see cref="IActorContext.ActorOf"/> for naming rules). Thread-safe.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _userGuardian.ActorOf(props, name);
    }

    /// <summary>Creates an infrastructure actor under <c>/system</c> (stopped after all <c>/user</c> actors). Thread-safe.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _systemGuardian.ActorOf(props, name);
    }

    /// <summary>Stops an actor asynchronously (its current message finishes; later ones go to dead letters).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is ActorCell cell)
        {
            cell.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>
    /// Stops all actors (children before parents, <c>/user</c> before <c>/system</c>) and returns
    /// <see cref="WhenTerminated"/>. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        _terminating = true;
        _root.Stop(_userGuardian);
        return WhenTerminated;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc/>
    public override string ToString() => $"ActorSystem({Name})";

    internal string NextTempName() => "$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void DeadLetter(object message, IActorRef? sender, IActorRef recipient) => _deadLetters.Deliver(message, sender, recipient);

    internal void Publish(object @event)
    {
        if (@event is LogEvent log && Settings.LogSink is { } sink)
        {
            sink(log);
        }

        EventStream.Publish(@event);
    }

    internal void WriteLog(LogLevel level, ActorPath source, string message, Exception? cause)
    {
        if (level >= Settings.LogLevel)
        {
            Publish(new LogEvent(level, source.ToString(), message, cause, TimeProvider.GetUtcNow()));
        }
    }

    internal void LogError(ActorPath source, string message, Exception? cause) => WriteLog(LogLevel.Error, source, message, cause);

    internal void OnRootTerminated()
    {
        _terminating = true;
        ((TimeProviderScheduler)Scheduler).CancelAll();
        _terminated.TrySetResult();
    }

    private void ThrowIfTerminating()
    {
        if (_terminating)
        {
            throw new InvalidOperationException($"{this} is terminating: no new actors can be created.");
        }
    }
}
