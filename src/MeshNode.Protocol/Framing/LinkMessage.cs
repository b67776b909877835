namespace MeshNode.Protocol.Framing;

/// <summary>
/// One frame on an established link (the plaintext of one Noise transport message), decoded by
/// <see cref="LinkFrameCodec"/>. The concrete kinds are <see cref="EnvelopeFrame"/>,
/// <see cref="PingFrame"/>, <see cref="PongFrame"/>, <see cref="FlowCreditFrame"/>,
/// <see cref="PeerExchangeFrame"/>, <see cref="CloseFrame"/>, <see cref="BroadcastDigestFrame"/> and
/// <see cref="BroadcastPullFrame"/>.
/// </summary>
public abstract record LinkMessage;
