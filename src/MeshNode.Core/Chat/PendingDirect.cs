using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// A direct message waiting for its end-to-end receipt. Every attempt sends <see cref="Envelope"/>
/// as it is (same id, same signature, same sealed body), so the recipient's dedup on (origin, id)
/// shows it once however often it is resent.
/// </summary>
internal sealed class PendingDirect(NodeId destination, DateTimeOffset sentAt, VerifiedEnvelope envelope)
{
    /// <summary>The message id the sender was given: the envelope's id.</summary>
    public string MessageId { get; } = envelope.Id.ToString();

    public NodeId Destination { get; } = destination;

    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>The signed, sealed envelope sent on every attempt (made once, or read back from the outbox).</summary>
    public VerifiedEnvelope Envelope { get; } = envelope;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public bool Queued { get; set; }
}
