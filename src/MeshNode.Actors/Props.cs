using System.Diagnostics.CodeAnalysis;

namespace MeshNode.Actors;

/// <summary>
/// How to create an actor: a factory called for the first instance and again on every restart, plus options.
/// Immutable; the <c>With*</c> methods return copies.
/// </summary>
public sealed class Props
{
    private Props(Func<ActorBase> factory, Type actorType, SupervisorStrategy? supervisorStrategy)
    {
        Factory = factory;
        ActorType = actorType;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor created.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy for this actor's children, overriding the actor's own <see cref="ActorBase.SupervisorStrategy"/>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Props from a factory, e.g. <c>Props.Create(() =&gt; new LinkActor(peer))</c>. The factory runs on every (re)start.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor), null);
    }

    /// <summary>Props for an actor with a public parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new()
    {
        return new Props(static () => new TActor(), typeof(TActor), null);
    }

    /// <summary>Props for an actor type created by reflection with the given constructor arguments.</summary>
    public static Props Create([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType))
        {
            throw new ArgumentException($"{actorType} does not derive from {nameof(ActorBase)}.", nameof(actorType));
        }

        return new Props(() => (ActorBase)Activator.CreateInstance(actorType, args)!, actorType, null);
    }

    /// <summary>A copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(Factory, ActorType, strategy);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Props({ActorType.Name})";
}
