namespace MeshNode.Protocol;

/// <summary>
/// The one exception the protocol layer throws for bad input from the network. Third-party parse
/// and crypto errors are wrapped in it, so callers classify failures by <see cref="Reason"/> alone.
/// </summary>
public sealed class ProtocolViolationException : Exception
{
    /// <summary>Creates the exception with a reason and a message that says what was wrong.</summary>
    public ProtocolViolationException(ProtocolViolationReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception wrapping the lower-level error that revealed the violation.</summary>
    public ProtocolViolationException(ProtocolViolationReason reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the input was refused.</summary>
    public ProtocolViolationReason Reason { get; }

    /// <summary>
    /// True when the failure must close the link (framing, handshake, authentication of the link
    /// itself); false when only the one message is dropped.
    /// </summary>
    public bool ClosesLink => Reason is ProtocolViolationReason.FrameTooLarge
        or ProtocolViolationReason.Truncated
        or ProtocolViolationReason.UnsupportedVersion
        or ProtocolViolationReason.AuthenticationFailed
        or ProtocolViolationReason.HandshakeOutOfOrder
        or ProtocolViolationReason.IdentityMismatch
        or ProtocolViolationReason.NetworkMismatch
        or ProtocolViolationReason.NonceExhausted;
}
