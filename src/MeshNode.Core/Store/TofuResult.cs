namespace MeshNode.Core.Store;

/// <summary>The result of <see cref="IMeshStore.CheckPeerAsync"/>.</summary>
/// <param name="Outcome">New, Match or KeyChanged.</param>
/// <param name="Peer">The stored peer after the check (its pinned keys are never replaced by a check).</param>
/// <param name="OldFingerprint">For KeyChanged: the fingerprint of the pinned identity key.</param>
/// <param name="NewFingerprint">For KeyChanged: the fingerprint of the presented identity key.</param>
public sealed record TofuResult(TofuOutcome Outcome, KnownPeer Peer, string? OldFingerprint, string? NewFingerprint);
