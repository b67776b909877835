namespace MeshNode.Core.Store;

/// <summary>The result of <see cref="IMeshStore.TrustAsync"/>.</summary>
public enum TrustResult
{
    /// <summary>The fingerprint matched: the peer is now verified (a pending key replaced the pinned one).</summary>
    Trusted,

    /// <summary>No peer with that id is known.</summary>
    UnknownPeer,

    /// <summary>The fingerprint matches neither the pending nor the pinned key: nothing changed.</summary>
    FingerprintMismatch,
}
