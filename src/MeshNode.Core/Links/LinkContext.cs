using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Links;

/// <summary>
/// What every actor of one node shares: identity, network key and its Fernet codec (both null on an
/// open network), settings, clock, randomness and counters, and the protocol limits built from the
/// settings (so raising a setting named in an error raises the limit it enforces).
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
    /// <summary>Envelope bounds: <c>mesh.envelope.max-size</c> and <c>mesh.envelope.max-hop-limit</c>.</summary>
    public EnvelopeLimits EnvelopeLimits { get; } = new(Settings.Envelope.MaxSize, (uint)Settings.Envelope.MaxHopLimit);

    /// <summary>
    /// Body bounds: <c>mesh.chat.max-text-bytes</c>, <c>mesh.topology.max-neighbours</c>,
    /// <c>mesh.envelope.max-list-items</c> and <c>mesh.transfers.max-chunk-size</c>.
    /// </summary>
    public BodyLimits BodyLimits { get; } = new(
        Settings.Chat.MaxTextBytes, Settings.Topology.MaxNeighbours, Settings.Envelope.MaxListItems, Settings.Transfers.MaxChunkSize);

    /// <summary>Announcement bounds: <c>mesh.discovery.max-datagram-size</c> and <c>mesh.discovery.max-clock-skew</c>.</summary>
    public AnnounceLimits AnnounceLimits { get; } = new(Settings.Discovery.MaxDatagramSize, Settings.Discovery.MaxClockSkew);

    /// <summary>
    /// Link frame bounds: <c>mesh.link.max-frame-size</c> (at most <see cref="LinkFrameLimits.DefaultMaxFrameSize"/>,
    /// the largest Noise plaintext) and <c>mesh.link.max-exchanged-peers</c>.
    /// </summary>
    public LinkFrameLimits LinkFrameLimits { get; } = new(
        Math.Min(Settings.Link.MaxFrameSize, LinkFrameLimits.DefaultMaxFrameSize), Settings.Link.MaxExchangedPeers);

    /// <summary>Now on the node's clock.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Publishes a node event on the actor system's event stream.</summary>
    public static void Publish(Actors.IActorContext context, NodeEvent nodeEvent) => context.System.EventStream.Publish(nodeEvent);
}
