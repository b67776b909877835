using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// An envelope whose origin signature has been checked over its exact signed bytes, so every field
/// here is what the origin wrote (except <see cref="HopCount"/>, which relays change). Made only by
/// <see cref="EnvelopeCodec"/>; immutable.
/// </summary>
public sealed class VerifiedEnvelope
{
    internal VerifiedEnvelope(
        EnvelopeId id,
        ReadOnlyMemory<byte> originPublicKey,
        NodeId? destination,
        uint hopLimit,
        uint hopCount,
        long createdAtUnixMs,
        EnvelopeBodyType bodyType,
        EnvelopeProtection protection,
        ReadOnlyMemory<byte> body,
        ReadOnlyMemory<byte> signedContent,
        ReadOnlyMemory<byte> signature,
        ReadOnlyMemory<byte> encoded)
    {
        Id = id;
        OriginPublicKey = originPublicKey;
        Origin = NodeId.FromPublicKey(originPublicKey.Span);
        Destination = destination;
        HopLimit = hopLimit;
        HopCount = hopCount;
        CreatedAtUnixMs = createdAtUnixMs;
        BodyType = bodyType;
        Protection = protection;
        Body = body;
        SignedContent = signedContent;
        Signature = signature;
        Encoded = encoded;
    }

    /// <summary>The origin's id for this envelope; dedup on (<see cref="Origin"/>, <see cref="Id"/>).</summary>
    public EnvelopeId Id { get; }

    /// <summary>The origin node, derived from <see cref="OriginPublicKey"/>.</summary>
    public NodeId Origin { get; }

    /// <summary>The origin's 32-byte Ed25519 public key, which the signature was checked against.</summary>
    public ReadOnlyMemory<byte> OriginPublicKey { get; }

    /// <summary>The node it is for, or null for everyone.</summary>
    public NodeId? Destination { get; }

    /// <summary>True when it is for everyone.</summary>
    public bool IsBroadcast => Destination is null;

    /// <summary>Most links the envelope may cross.</summary>
    public uint HopLimit { get; }

    /// <summary>The wire hop count: links crossed before the last one (0 when it comes straight from the origin).</summary>
    public uint HopCount { get; }

    /// <summary>Links crossed to reach the receiver: <see cref="HopCount"/> + 1.</summary>
    public uint HopsTravelled => HopCount + 1;

    /// <summary>True while a relay may forward it once more (<see cref="HopCount"/> + 1 &lt; <see cref="HopLimit"/>).</summary>
    public bool CanBeRelayed => HopCount + 1 < HopLimit;

    /// <summary>The origin's clock when it was made, Unix milliseconds.</summary>
    public long CreatedAtUnixMs { get; }

    /// <summary>The origin's clock when it was made.</summary>
    public DateTimeOffset CreatedAt =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(CreatedAtUnixMs, -62135596800000, 253402300799999));

    /// <summary>What <see cref="Body"/> decodes as; may be a value this version does not name.</summary>
    public EnvelopeBodyType BodyType { get; }

    /// <summary>How <see cref="Body"/> is protected.</summary>
    public EnvelopeProtection Protection { get; }

    /// <summary>The body bytes as signed (sealed when <see cref="Protection"/> is not <see cref="EnvelopeProtection.Link"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The exact EnvelopeContent bytes the signature covers, kept for forwarding.</summary>
    public ReadOnlyMemory<byte> SignedContent { get; }

    /// <summary>The origin's 64-byte signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>The whole SignedEnvelope as it arrived or was made: the bytes to put in an envelope frame.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }
}
