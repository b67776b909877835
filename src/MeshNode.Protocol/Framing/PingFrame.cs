namespace MeshNode.Protocol.Framing;

/// <summary>Keepalive and RTT probe; the receiver answers at once with a <see cref="PongFrame"/> echoing both fields.</summary>
/// <param name="Nonce">Chosen by the sender to match the answer.</param>
/// <param name="SentAtMicroseconds">The sender's monotonic clock; only the sender interprets it.</param>
public sealed record PingFrame(ulong Nonce, long SentAtMicroseconds) : LinkMessage;
