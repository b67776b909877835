namespace MeshNode.Actors.Tests;

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
