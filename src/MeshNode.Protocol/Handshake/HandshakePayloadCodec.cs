using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// Builds and checks the link handshake payloads. Every check happens here, before a field of the
/// peer's payload is trusted; each failure throws <see cref="ProtocolViolationException"/> with the
/// reason the link is refused for.
/// </summary>
internal static class HandshakePayloadCodec
{
    private const int MaxNetworkTagBytes = 32;

    public static byte[] WriteHello(uint minVersion, uint maxVersion, ReadOnlySpan<byte> networkTag) =>
        new HandshakeHello
        {
            MinVersion = minVersion,
            MaxVersion = maxVersion,
            NetworkTag = ByteString.CopyFrom(networkTag),
        }.ToByteArray();

    /// <summary>Checks the initiator's hello and returns the version the responder will use.</summary>
    public static uint ReadHello(byte[] payload, LinkHandshakeSettings settings)
    {
        var hello = ProtobufReader.Parse(HandshakeHello.Parser, payload, "HandshakeHello");
        if (hello.NetworkTag.Length > MaxNetworkTagBytes || !hello.NetworkTag.Span.SequenceEqual(NetworkTag(settings)))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.NetworkMismatch, "The peer is on another network (network tag differs).");
        }

        if (hello.MinVersion > hello.MaxVersion || hello.MaxVersion < settings.MinVersion || hello.MinVersion > settings.MaxVersion)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.UnsupportedVersion,
                $"The peer speaks versions {hello.MinVersion}..{hello.MaxVersion}; this node speaks {settings.MinVersion}..{settings.MaxVersion}.");
        }

        return Math.Min(hello.MaxVersion, settings.MaxVersion);
    }

    /// <summary>The network tag of these settings: 8 bytes in passphrase mode, empty on an open network.</summary>
    public static ReadOnlySpan<byte> NetworkTag(LinkHandshakeSettings settings) =>
        settings.Network is null ? [] : settings.Network.Tag.Span;

    public static byte[] WritePayload(
        LinkHandshakeSettings settings,
        ReadOnlySpan<byte> staticPublicKey,
        uint version,
        byte[] handshakeHash,
        byte role)
    {
        var identity = settings.Identity;
        var payload = new HandshakePayload
        {
            IdentityKey = ByteString.CopyFrom(identity.PublicKey.Span),
            StaticSignature = ByteString.CopyFrom(identity.Sign(LinkDomains.NoiseStatic, staticPublicKey)),
            SealingKey = ByteString.CopyFrom(identity.SealingPublicKey.Span),
            SealingSignature = ByteString.CopyFrom(identity.SealingKeySignature.Span),
            Name = settings.DisplayName,
            ProtocolVersion = version,
        };
        payload.Capabilities.AddRange(settings.Capabilities);
        if (settings.Network is not null)
        {
            payload.NetworkProof = ByteString.CopyFrom(settings.Network.ComputeProof(ProofContext(handshakeHash, role)));
        }

        return payload.ToByteArray();
    }

    /// <summary>Parses and verifies the peer's payload against its Noise static key and this handshake's hash.</summary>
    public static HandshakePayload ReadPayload(
        byte[] bytes,
        LinkHandshakeSettings settings,
        ReadOnlySpan<byte> ownIdentityKey,
        ReadOnlySpan<byte> remoteStaticKey,
        ReadOnlySpan<byte> handshakeHash,
        byte peerRole)
    {
        var payload = ProtobufReader.Parse(HandshakePayload.Parser, bytes, "HandshakePayload");

        // Identity first: nothing else in the payload means anything until the static key is proven.
        var identity = payload.IdentityKey.Span;
        if (!Ed25519.Verify(identity, LinkDomains.Concat(LinkDomains.NoiseStatic, remoteStaticKey), payload.StaticSignature.Span))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.IdentityMismatch, "The peer's identity signature does not cover its Noise static key.");
        }

        if (!settings.ExpectedRemoteIdentity.IsEmpty && !identity.SequenceEqual(settings.ExpectedRemoteIdentity.Span))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.IdentityMismatch, "The peer is not the node that was dialed.");
        }

        if (identity.SequenceEqual(ownIdentityKey))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.IdentityMismatch, "The peer has this node's own identity (a link to itself or a cloned key).");
        }

        if (!SealingKeyBinding.Verify(identity, payload.SealingKey.Span, payload.SealingSignature.Span))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.IdentityMismatch, "The peer's sealing key is not signed by its identity.");
        }

        CheckNetworkProof(payload, settings, handshakeHash, peerRole);

        if (Encoding.UTF8.GetByteCount(payload.Name) > LinkHandshake.MaxNameBytes)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded, $"The peer's name exceeds {LinkHandshake.MaxNameBytes} bytes (LinkHandshake.MaxNameBytes).");
        }

        if (payload.Capabilities.Count > LinkHandshake.MaxCapabilities
            || payload.Capabilities.Any(c => Encoding.UTF8.GetByteCount(c) > LinkHandshake.MaxCapabilityBytes))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded,
                $"The peer sent more than {LinkHandshake.MaxCapabilities} capabilities or one longer than {LinkHandshake.MaxCapabilityBytes} bytes.");
        }

        return payload;
    }

    /// <summary>The context a network proof binds to: handshake hash || role byte (NetworkKey adds the label).</summary>
    public static byte[] ProofContext(ReadOnlySpan<byte> handshakeHash, byte role) => [.. handshakeHash, role];

    private static void CheckNetworkProof(HandshakePayload payload, LinkHandshakeSettings settings, ReadOnlySpan<byte> handshakeHash, byte peerRole)
    {
        if (settings.Network is null)
        {
            if (!payload.NetworkProof.IsEmpty)
            {
                throw new ProtocolViolationException(
                    ProtocolViolationReason.NetworkMismatch, "The peer is in passphrase mode; this node is on an open network.");
            }

            return;
        }

        if (!settings.Network.VerifyProof(ProofContext(handshakeHash, peerRole), payload.NetworkProof.Span))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.NetworkMismatch, "The peer did not prove the network key (different passphrase or none).");
        }
    }
}
