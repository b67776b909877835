namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>A call signalling message.</summary>
/// <param name="CallId">16 random bytes naming the call.</param>
/// <param name="Type">Which step.</param>
/// <param name="Codec">Codec name such as "pcmu/8000", at most 64 bytes.</param>
public sealed record CallSignalBody(UInt128 CallId, CallSignalType Type, string Codec) : EnvelopeBody;
