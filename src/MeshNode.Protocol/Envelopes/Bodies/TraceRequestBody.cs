namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Asks the destination to answer with a <see cref="TraceReplyBody"/>.</summary>
/// <param name="TraceId">16 random bytes matching the reply.</param>
/// <param name="SentAtUnixMs">Requester's clock.</param>
public sealed record TraceRequestBody(UInt128 TraceId, long SentAtUnixMs) : EnvelopeBody;
