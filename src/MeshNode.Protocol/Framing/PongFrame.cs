namespace MeshNode.Protocol.Framing;

/// <summary>The answer to a <see cref="PingFrame"/>: RTT = now - <see cref="EchoSentAtMicroseconds"/> on the pinger's clock.</summary>
/// <param name="Nonce">The ping's nonce.</param>
/// <param name="EchoSentAtMicroseconds">The ping's send time, echoed unchanged.</param>
public sealed record PongFrame(ulong Nonce, long EchoSentAtMicroseconds) : LinkMessage;
