namespace MeshNode.Actors;

/// <summary>An actor with a single <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> for messages it does not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Handles every message of the initial behavior.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the behavior with <paramref name="receive"/>.</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }

    /// <summary>Pushes <paramref name="receive"/> as the behavior; <see cref="IActorContext.UnbecomeStacked"/> pops it.</summary>
    protected void BecomeStacked(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(m =>
        {
            receive(m);
            return true;
        });
    }
}
