namespace MeshNode.Protocol.Framing;

/// <summary>Why a link is closed (wire enum <c>CloseReason</c>; the numbers are the wire values).</summary>
public enum LinkCloseReason
{
    /// <summary>Not given, or a value this version does not know.</summary>
    Unspecified = 0,

    /// <summary>The sender is shutting down.</summary>
    Shutdown = 1,

    /// <summary>The peer sent bad input that closes links (framing, authentication).</summary>
    ProtocolViolation = 2,

    /// <summary>No common protocol version; see <see cref="CloseFrame.MinVersion"/> and <see cref="CloseFrame.MaxVersion"/>.</summary>
    UnsupportedVersion = 3,

    /// <summary>The peer belongs to another network (tag or passphrase).</summary>
    NetworkMismatch = 4,

    /// <summary>The peer's identity proof failed or is not the expected one.</summary>
    IdentityMismatch = 5,

    /// <summary>Another link to the same peer won the tie-break.</summary>
    DuplicateLink = 6,

    /// <summary>No traffic or keepalive answer within the dead-link timeout.</summary>
    IdleTimeout = 7,

    /// <summary>The sender cannot take more links or traffic now.</summary>
    Overloaded = 8,
}
