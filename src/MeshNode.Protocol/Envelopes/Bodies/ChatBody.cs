namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>A chat message.</summary>
/// <param name="Text">UTF-8 text, at most <c>mesh.chat.max-text-bytes</c>; untrusted, escape before display.</param>
/// <param name="SentAtUnixMs">Sender's clock.</param>
/// <param name="Scope">Everyone or direct.</param>
public sealed record ChatBody(string Text, long SentAtUnixMs, ChatScope Scope) : EnvelopeBody;
