namespace MeshNode.Protocol.Framing;

/// <summary>
/// "Send me these broadcasts": the answer to a <see cref="BroadcastDigestFrame"/> for ids the sender
/// has not received. The receiver sends each one it still holds as an <see cref="EnvelopeFrame"/>
/// and ignores the rest. Needs no flow credit (the envelopes it causes do).
/// </summary>
/// <param name="Broadcasts">1 to <see cref="LinkFrameLimits.MaxBroadcastRefs"/> entries.</param>
public sealed record BroadcastPullFrame(IReadOnlyList<BroadcastRef> Broadcasts) : LinkMessage;
