namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>End-to-end receipt for direct messages (never sent for broadcasts).</summary>
/// <param name="MessageIds">Ids of the envelopes received, at most <c>mesh.envelope.max-list-items</c>.</param>
/// <param name="ReceivedAtUnixMs">Receiver's clock.</param>
public sealed record DeliveryReceiptBody(IReadOnlyList<EnvelopeId> MessageIds, long ReceivedAtUnixMs) : EnvelopeBody;
