namespace MeshNode.Protocol;

/// <summary>
/// Why input from the network was refused. Each reason maps to one handling rule (STYLE.md, "Bad
/// input"): framing, handshake and authentication failures close the link; a bad message body is
/// dropped and counted while the link lives on.
/// </summary>
public enum ProtocolViolationReason
{
    /// <summary>A length prefix or field exceeds the configured maximum.</summary>
    FrameTooLarge,

    /// <summary>The input ended before a complete frame or field.</summary>
    Truncated,

    /// <summary>The bytes do not decode as the expected protobuf message, or a required field is missing or invalid.</summary>
    MalformedMessage,

    /// <summary>The peer speaks a protocol version this node does not support.</summary>
    UnsupportedVersion,

    /// <summary>A signature does not verify under the claimed key.</summary>
    BadSignature,

    /// <summary>An AEAD tag or MAC did not verify: the data was altered or the key is wrong.</summary>
    AuthenticationFailed,

    /// <summary>A key is malformed or unusable (wrong length, low-order point).</summary>
    InvalidKey,

    /// <summary>A handshake message arrived out of order, twice, or in the wrong state.</summary>
    HandshakeOutOfOrder,

    /// <summary>The handshake completed but the peer's identity proof is missing or wrong.</summary>
    IdentityMismatch,

    /// <summary>The peer is on another network: different network tag or passphrase.</summary>
    NetworkMismatch,

    /// <summary>A message was seen before (replay) or its nonce went backwards.</summary>
    Replay,

    /// <summary>A timestamp lies outside the accepted window (expired, or too far in the future).</summary>
    StaleTimestamp,

    /// <summary>A nonce counter reached its limit; the key must not be used any more.</summary>
    NonceExhausted,

    /// <summary>A count, hop field or other bounded value is out of range.</summary>
    LimitExceeded,

    /// <summary>
    /// A protected envelope body (network or end to end) cannot be opened: no key for it, altered,
    /// or malformed. The origin is at fault, not the link that carried it: drop the message only.
    /// The inner exception holds the precise cause.
    /// </summary>
    BodyUnreadable,
}
