namespace MeshNode.Protocol.Framing;

/// <summary>The last frame before the sender closes the connection, saying why.</summary>
/// <param name="Reason">Why the link closes.</param>
/// <param name="Text">Human-readable detail, at most 256 UTF-8 bytes; never secrets.</param>
/// <param name="MinVersion">With <see cref="LinkCloseReason.UnsupportedVersion"/>: lowest version the sender speaks; otherwise 0.</param>
/// <param name="MaxVersion">With <see cref="LinkCloseReason.UnsupportedVersion"/>: highest version the sender speaks; otherwise 0.</param>
public sealed record CloseFrame(LinkCloseReason Reason, string Text, uint MinVersion = 0, uint MaxVersion = 0) : LinkMessage;
