namespace MeshNode.Actors.Tests;

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
