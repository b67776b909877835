namespace MeshNode.Protocol.Handshake;

/// <summary>
/// The outcome of feeding one message to a <see cref="LinkHandshake"/>: a message to send (frame
/// it and write it to the peer) and, when the handshake is over, its result.
/// </summary>
/// <param name="Outgoing">The next handshake message to send, or null when there is none.</param>
/// <param name="Result">The result once the handshake is complete, else null.</param>
public sealed record HandshakeStep(byte[]? Outgoing, HandshakeResult? Result);
