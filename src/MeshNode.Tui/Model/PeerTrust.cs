namespace MeshNode.Tui.Model;

/// <summary>How far the UI trusts a peer's key, from the node's trust string.</summary>
internal enum PeerTrust
{
    /// <summary>Not in the store yet (heard of, never linked).</summary>
    Unknown,

    /// <summary>Key pinned on first use.</summary>
    Pinned,

    /// <summary>Fingerprint confirmed by the user (/trust).</summary>
    Verified,

    /// <summary>The key differs from the pinned one and the user has not trusted it: loud.</summary>
    ChangedKey,
}
