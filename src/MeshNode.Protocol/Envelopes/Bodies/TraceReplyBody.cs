namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>The traced node's answer.</summary>
/// <param name="TraceId">The request's id.</param>
/// <param name="HopCount">Links the request crossed (its HopsTravelled on arrival).</param>
/// <param name="Hops">The replier's shortest path back to the requester, nearest first, at most <c>mesh.envelope.max-hop-limit</c>.</param>
/// <param name="RequestSentAtUnixMs">The request's send time, echoed.</param>
/// <param name="RepliedAtUnixMs">Replier's clock.</param>
public sealed record TraceReplyBody(
    UInt128 TraceId,
    uint HopCount,
    IReadOnlyList<LinkNeighbour> Hops,
    long RequestSentAtUnixMs,
    long RepliedAtUnixMs) : EnvelopeBody;
