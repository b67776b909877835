namespace MeshNode.Protocol.Framing;

/// <summary>Grants the peer permission to send this many more envelope frames and bytes (added to what it holds).</summary>
/// <param name="Frames">Additional envelope frames.</param>
/// <param name="Bytes">Additional envelope bytes.</param>
public sealed record FlowCreditFrame(uint Frames, uint Bytes) : LinkMessage;
