namespace MeshNode.Actors;

/// <summary>
/// The root <c>/</c>: stops <c>/user</c> first, then <c>/system</c> (where test probes and loggers live), then itself,
/// which completes <see cref="ActorSystem.WhenTerminated"/>. Any guardian failure stops that guardian.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(Context.Child("user"));
        Context.Watch(Context.Child("system"));
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when t.ActorRef.Path.Name == "user":
                Context.Stop(Context.Child("system"));
                return true;
            case Terminated t when t.ActorRef.Path.Name == "system":
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}
