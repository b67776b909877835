namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>
/// The decoded body of an envelope. <see cref="BodyCodec"/> maps each concrete record to its wire
/// message and <see cref="EnvelopeBodyType"/>; <see cref="BodyProtector"/> seals and opens them.
/// </summary>
public abstract record EnvelopeBody;
