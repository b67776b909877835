using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Framing;

/// <summary>
/// Names one broadcast envelope in a <see cref="BroadcastDigestFrame"/> or <see cref="BroadcastPullFrame"/>:
/// the origin and id from its signed content, the pair the dedup cache keys on.
/// </summary>
/// <param name="Origin">The node that created the broadcast.</param>
/// <param name="Id">The envelope's id.</param>
public readonly record struct BroadcastRef(NodeId Origin, EnvelopeId Id);
