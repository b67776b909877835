namespace MeshNode.Actors;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents only; messages sent to them are unhandled.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;
}
