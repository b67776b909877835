using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// Makes, verifies and relays envelopes. The origin signs "meshnode/v1/envelope" || the exact
/// EnvelopeContent bytes; receivers verify those bytes as received (never a re-encoding) before
/// reading any field, and relays forward them untouched, re-encoding only the outer wrapper with
/// the new hop count (docs/protocol.md, "Envelope").
/// </summary>
public static class EnvelopeCodec
{
    /// <summary>The envelope format version this code writes and accepts.</summary>
    public const uint Version = 1;

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("meshnode/v1/envelope");

    /// <summary>Builds and signs a new envelope from <paramref name="origin"/> with hop count 0.</summary>
    /// <exception cref="ArgumentException">The draft breaks a limit (hop limit, size, protection or body type unset).</exception>
    public static VerifiedEnvelope Create(NodeIdentity origin, EnvelopeDraft draft, TimeProvider time, IRandomSource random, EnvelopeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(limits);
        if (draft.HopLimit < 1 || draft.HopLimit > limits.MaxHopLimit)
        {
            throw new ArgumentException($"Hop limit {draft.HopLimit} outside 1..{EnvelopeLimits.MaxHopLimitSetting} = {limits.MaxHopLimit}.", nameof(draft));
        }

        if (draft.BodyType == EnvelopeBodyType.Unspecified || !Enum.IsDefined(draft.Protection))
        {
            throw new ArgumentException("Body type and protection must be set.", nameof(draft));
        }

        var id = new byte[EnvelopeId.Size];
        random.Fill(id);
        var content = new EnvelopeContent
        {
            Version = Version,
            Id = ByteString.CopyFrom(id),
            OriginKey = ByteString.CopyFrom(origin.PublicKey.Span),
            Destination = draft.Destination is { } destination ? ByteString.CopyFrom(destination.ToByteArray()) : ByteString.Empty,
            HopLimit = draft.HopLimit,
            CreatedAtUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            BodyType = (BodyType)draft.BodyType,
            Protection = (Protection)draft.Protection,
            Body = ByteString.CopyFrom(draft.Body.Span),
        }.ToByteString();
        var signed = new SignedEnvelope
        {
            Content = content,
            Signature = ByteString.CopyFrom(origin.Sign(Domain, content.Span)),
            HopCount = 0,
        };
        if (signed.CalculateSize() > limits.MaxEnvelopeSize)
        {
            throw new ArgumentException(
                $"Envelope of {signed.CalculateSize()} bytes exceeds {EnvelopeLimits.MaxEnvelopeSizeSetting} = {limits.MaxEnvelopeSize}.", nameof(draft));
        }

        // Our own bytes, just signed: decode without spending a second signature check.
        return Decode(signed.ToByteArray(), limits, checkSignature: false);
    }

    /// <summary>
    /// Parses <paramref name="signedEnvelope"/>, checks the origin's signature over the exact content
    /// bytes, then checks every field against <paramref name="limits"/>.
    /// </summary>
    /// <exception cref="ProtocolViolationException">
    /// <see cref="ProtocolViolationReason.MalformedMessage"/> (undecodable, wrong lengths, unknown version or protection),
    /// <see cref="ProtocolViolationReason.BadSignature"/>, or <see cref="ProtocolViolationReason.LimitExceeded"/>
    /// (over <c>mesh.envelope.max-size</c>, hop limit over <c>mesh.envelope.max-hop-limit</c>, or hop count at or
    /// over the hop limit). None closes the link: drop the envelope and count it against the link it came on.
    /// </exception>
    public static VerifiedEnvelope Verify(ReadOnlyMemory<byte> signedEnvelope, EnvelopeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (signedEnvelope.Length > limits.MaxEnvelopeSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded,
                $"Envelope of {signedEnvelope.Length} bytes exceeds {EnvelopeLimits.MaxEnvelopeSizeSetting} = {limits.MaxEnvelopeSize}.");
        }

        // Our own copy: the result keeps these bytes for forwarding, whatever the caller does with its buffer.
        return Decode(signedEnvelope.ToArray(), limits, checkSignature: true);
    }

    /// <summary>Decodes bytes the caller has already copied (or just made) and will not change.</summary>
    private static VerifiedEnvelope Decode(byte[] signedEnvelope, EnvelopeLimits limits, bool checkSignature)
    {
        var outer = ProtobufReader.Parse(SignedEnvelope.Parser, signedEnvelope, "SignedEnvelope");
        ProtobufReader.RequireLength(outer.Signature, Ed25519.SignatureSize, "SignedEnvelope.signature");

        // The origin key has to be read before the signature can be checked; nothing else is used
        // until the signature over these exact bytes holds.
        var content = ProtobufReader.Parse(EnvelopeContent.Parser, outer.Content.Span, "EnvelopeContent");
        if (content.Version != Version)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage, $"Envelope version {content.Version}; this node reads version {Version}.");
        }

        ProtobufReader.RequireLength(content.OriginKey, Ed25519.PublicKeySize, "EnvelopeContent.origin_key");
        if (checkSignature && !VerifySignature(content.OriginKey.Span, outer.Content.Span, outer.Signature.Span))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.BadSignature, "Envelope signature does not verify under its origin key.");
        }

        ProtobufReader.RequireLength(content.Id, EnvelopeId.Size, "EnvelopeContent.id");
        NodeId? destination = null;
        if (!content.Destination.IsEmpty)
        {
            ProtobufReader.RequireLength(content.Destination, NodeId.Size, "EnvelopeContent.destination");
            destination = NodeId.FromBytes(content.Destination.Span);
        }

        if (content.HopLimit < 1 || content.HopLimit > limits.MaxHopLimit)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded,
                $"Envelope hop limit {content.HopLimit} outside 1..{EnvelopeLimits.MaxHopLimitSetting} = {limits.MaxHopLimit}.");
        }

        if (outer.HopCount >= content.HopLimit)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded, $"Envelope hop count {outer.HopCount} at or over its hop limit {content.HopLimit}.");
        }

        if (content.BodyType == BodyType.Unspecified)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "Envelope body type is not set.");
        }

        var protection = (EnvelopeProtection)content.Protection;
        if (!Enum.IsDefined(protection))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"Envelope protection {(int)content.Protection} is unknown.");
        }

        return new VerifiedEnvelope(
            EnvelopeId.FromBytes(content.Id.Span),
            content.OriginKey.Memory,
            destination,
            content.HopLimit,
            outer.HopCount,
            content.CreatedAtUnixMs,
            (EnvelopeBodyType)content.BodyType,
            protection,
            content.Body.Memory,
            outer.Content.Memory,
            outer.Signature.Memory,
            signedEnvelope);
    }

    /// <summary>
    /// The envelope as the next relay sends it: the same signed content and signature, hop count + 1.
    /// False when the hop limit forbids another hop.
    /// </summary>
    public static bool TryIncrementHop(VerifiedEnvelope envelope, out VerifiedEnvelope relayed)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!envelope.CanBeRelayed)
        {
            relayed = envelope;
            return false;
        }

        var outer = new SignedEnvelope
        {
            Content = UnsafeByteOperations.UnsafeWrap(envelope.SignedContent),
            Signature = UnsafeByteOperations.UnsafeWrap(envelope.Signature),
            HopCount = envelope.HopCount + 1,
        };
        relayed = new VerifiedEnvelope(
            envelope.Id,
            envelope.OriginPublicKey,
            envelope.Destination,
            envelope.HopLimit,
            envelope.HopCount + 1,
            envelope.CreatedAtUnixMs,
            envelope.BodyType,
            envelope.Protection,
            envelope.Body,
            envelope.SignedContent,
            envelope.Signature,
            outer.ToByteArray());
        return true;
    }

    internal static bool VerifySignature(ReadOnlySpan<byte> originKey, ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature)
    {
        var input = new byte[Domain.Length + content.Length];
        Domain.CopyTo(input, 0);
        content.CopyTo(input.AsSpan(Domain.Length));
        return Ed25519.Verify(originKey, input, signature);
    }
}
