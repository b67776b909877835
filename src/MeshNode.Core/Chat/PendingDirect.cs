using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>A direct message waiting for its end-to-end receipt.</summary>
internal sealed class PendingDirect(string messageId, NodeId destination, string text, DateTimeOffset sentAt)
{
    /// <summary>The id the sender was given (the first envelope's id); retries use new envelope ids mapped to it.</summary>
    public string MessageId { get; } = messageId;

    public NodeId Destination { get; } = destination;

    public string Text { get; } = text;

    public DateTimeOffset SentAt { get; } = sentAt;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public bool Queued { get; set; }

    /// <summary>The envelope kept in the store by an earlier run (its text is sealed): sent as it is on every attempt.</summary>
    public MeshNode.Protocol.Envelopes.VerifiedEnvelope? Stored { get; init; }
}
