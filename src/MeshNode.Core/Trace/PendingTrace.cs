using MeshNode.Actors;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Trace;

/// <summary>A trace request sent and not yet answered: who asked, whom it went to, when (monotonic timestamp).</summary>
internal sealed record PendingTrace(UInt128 TraceId, NodeId Target, IActorRef ReplyTo, long StartedAt);
