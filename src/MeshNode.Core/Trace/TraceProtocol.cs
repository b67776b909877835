using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Trace;

// Messages of the trace actor. Internal to the node.

/// <summary>
/// Traces <paramref name="Target"/>: sends a signed TraceRequest and answers with a
/// <see cref="TraceResult"/> when the reply arrives, or a Status.Failure holding a
/// Node.NodeCommandException when it does not within <c>mesh.node.trace-timeout</c>;
/// <paramref name="TargetName"/> is how errors name the target.
/// </summary>
internal sealed record StartTrace(NodeId Target, string TargetName);

/// <summary>
/// A finished trace: the path from this node to the target (this node excluded, the target last),
/// how many links the request crossed, and the round trip this node measured on its own clock.
/// </summary>
internal sealed record TraceResult(NodeId Target, IReadOnlyList<NodeId> Path, uint HopCount, TimeSpan RoundTrip);
