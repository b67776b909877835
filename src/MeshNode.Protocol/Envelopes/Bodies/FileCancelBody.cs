namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Stops a transfer, from either side.</summary>
/// <param name="FileId">The offer's id.</param>
/// <param name="Reason">Why.</param>
/// <param name="Text">Detail for people, at most 256 UTF-8 bytes.</param>
public sealed record FileCancelBody(UInt128 FileId, TransferCancelReason Reason, string Text) : EnvelopeBody;
