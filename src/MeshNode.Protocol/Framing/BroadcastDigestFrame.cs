namespace MeshNode.Protocol.Framing;

/// <summary>
/// "I have these broadcasts": sent on links that get no payload (off the broadcast tree) and, for
/// every recent broadcast, when a link comes up. The receiver pulls the ones it has not seen with a
/// <see cref="BroadcastPullFrame"/>. Needs no flow credit.
/// </summary>
/// <param name="Broadcasts">1 to <see cref="LinkFrameLimits.MaxBroadcastRefs"/> entries.</param>
public sealed record BroadcastDigestFrame(IReadOnlyList<BroadcastRef> Broadcasts) : LinkMessage;
