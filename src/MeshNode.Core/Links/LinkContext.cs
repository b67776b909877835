using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

/// <summary>
/// What every actor of one node shares: identity, network key and its Fernet codec (both null on an
/// open network), settings, clock, randomness and counters.
/// </summary>
internal sealed record LinkContext(
    NodeIdentity Identity,
    NetworkKey? Network,
    MeshSettings Settings,
    TimeProvider Time,
    IRandomSource Random,
    NodeCounters Counters,
    FernetCodec? Fernet)
{
    /// <summary>Now on the node's clock.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Publishes a node event on the actor system's event stream.</summary>
    public static void Publish(Actors.IActorContext context, NodeEvent nodeEvent) => context.System.EventStream.Publish(nodeEvent);
}
