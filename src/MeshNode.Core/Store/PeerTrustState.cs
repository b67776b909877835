namespace MeshNode.Core.Store;

/// <summary>How far a known peer's keys are trusted.</summary>
public enum PeerTrustState
{
    /// <summary>Keys pinned on first use (TOFU) and unchanged since.</summary>
    Pinned = 1,

    /// <summary>The user confirmed the fingerprint with <see cref="IMeshStore.TrustAsync"/>.</summary>
    Verified = 2,

    /// <summary>The peer presented other keys than the pinned ones; they wait as pending until trusted.</summary>
    KeyChanged = 3,
}
