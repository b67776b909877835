using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Routing;

/// <summary>Conversions between the protocol's ids and the routing layer's keys.</summary>
internal static class NodeKeyConversions
{
    /// <summary>The routing key of a node id (same 16 bytes).</summary>
    public static NodeKey ToKey(this NodeId id) => new(id.ToByteArray());

    /// <summary>The node id of a routing key (same 16 bytes).</summary>
    public static NodeId ToNodeId(this NodeKey key) => NodeId.FromBytes(key.ToArray());

    /// <summary>The routing message id of an envelope id.</summary>
    public static MessageId ToMessageId(this EnvelopeId id) => new((ulong)(id.Value >> 64), (ulong)id.Value);

    /// <summary>The envelope id of a routing message id (same 16 bytes).</summary>
    public static EnvelopeId ToEnvelopeId(this MessageId id) => new(((UInt128)id.High << 64) | id.Low);
}
