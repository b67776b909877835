namespace MeshNode.Actors.Tests;

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

    /// <summary>Asks a <see cref="LambdaActor"/> to watch a target.</summary>
    internal sealed record WatchIt(IActorRef Target);
}
