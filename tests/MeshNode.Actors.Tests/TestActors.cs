namespace MeshNode.Actors.Tests;

/// <summary>Small actors shared by the kernel tests.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(m => Sender?.Tell(m, Self));
    }
}

/// <summary>Forwards every message it receives to a target, and reports lifecycle hooks there.</summary>
internal sealed class ReporterActor : UntypedActor
{
    private readonly IActorRef _target;

    public ReporterActor(IActorRef target)
    {
        _target = target;
    }

    protected override void PreStart() => _target.Tell($"prestart {Self.Path.Name}");

    protected override void PostStop() => _target.Tell($"poststop {Self.Path.Name}");

    protected override void PreRestart(Exception reason, object? message)
    {
        _target.Tell($"prerestart {Self.Path.Name} {(message is Exception e ? e.Message : message)}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _target.Tell($"postrestart {Self.Path.Name} {reason.Message}");
        base.PostRestart(reason);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Exception ex:
                throw ex;
            case string s when s == "sender":
                _target.Tell(Sender ?? ActorRefs.Nobody);
                break;
            default:
                _target.Tell(message, Sender);
                break;
        }
    }
}

/// <summary>Creates children on request and supervises them with the strategy it is given.</summary>
internal sealed class ParentActor : ReceiveActor
{
    private readonly SupervisorStrategy? _strategy;

    public ParentActor(IActorRef target, SupervisorStrategy? strategy = null)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender?.Tell(Context.ActorOf(p)));
        Receive<(Props Props, string Name)>(p => Sender?.Tell(Context.ActorOf(p.Props, p.Name)));
        Receive<Exception>(ex => throw ex);
        ReceiveAny(m => target.Tell(m, Sender));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy ?? base.SupervisorStrategy();
}

/// <summary>An actor defined by a delegate (and an optional start hook).</summary>
internal sealed class LambdaActor : UntypedActor
{
    private readonly Action<object, IActorContext> _onMessage;

    public LambdaActor(Action<object, IActorContext> onMessage, Action? onStart = null)
    {
        _onMessage = onMessage;
        onStart?.Invoke();
    }

    protected override void OnReceive(object message)
    {
        if (message is WatchIt w)
        {
            Context.Watch(w.Target);
            return;
        }

        _onMessage(message, Context);
    }
}

/// <summary>Asks a <see cref="LambdaActor"/> to watch a target.</summary>
internal sealed record WatchIt(IActorRef Target);
