using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// Signs and verifies discovery announces (wire <c>SignedAnnounce</c>): signature =
/// Ed25519(identity, "meshnode/v1/announce" || exact Announce bytes). Verification bounds the
/// datagram, refuses other protocol versions, checks the signature, that the node id derives from
/// the key, and that the timestamp lies within the allowed clock difference.
/// </summary>
public static class AnnounceCodec
{
    /// <summary>The protocol version this node speaks (announce, handshake and envelopes).</summary>
    public const uint ProtocolVersion = 1;

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("meshnode/v1/announce");

    /// <summary>Builds and signs an announce for <paramref name="identity"/>; returns the datagram bytes.</summary>
    /// <param name="identity">This node.</param>
    /// <param name="name">Display name; cut to 64 UTF-8 bytes.</param>
    /// <param name="endpoints">Where this node listens; at most 8.</param>
    /// <param name="network">The network key in passphrase mode, null on an open network.</param>
    /// <param name="time">Clock for the timestamp.</param>
    /// <exception cref="ArgumentException">More than 8 endpoints or an invalid endpoint.</exception>
    public static byte[] Sign(NodeIdentity identity, string name, IReadOnlyList<PeerEndpoint> endpoints, NetworkKey? network, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(time);
        if (endpoints.Count > AnnounceLimits.MaxEndpoints)
        {
            throw new ArgumentException($"At most {AnnounceLimits.MaxEndpoints} endpoints.", nameof(endpoints));
        }

        var announce = new Announce
        {
            ProtocolVersion = ProtocolVersion,
            NodeId = ByteString.CopyFrom(identity.Id.ToByteArray()),
            Name = Utf8Text.Truncate(name, AnnounceLimits.MaxNameBytes),
            NetworkTag = network is null ? ByteString.Empty : ByteString.CopyFrom(network.Tag.Span),
            NetworkSalt = network is null ? ByteString.Empty : ByteString.CopyFrom(network.Salt.Span),
            TimestampUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            SealingKey = ByteString.CopyFrom(identity.SealingPublicKey.Span),
        };
        announce.Endpoints.AddRange(endpoints.Select(e => e.ToWire()));
        var bytes = announce.ToByteString();
        return new SignedAnnounce
        {
            Announce = bytes,
            IdentityKey = ByteString.CopyFrom(identity.PublicKey.Span),
            Signature = ByteString.CopyFrom(identity.Sign(Domain, bytes.Span)),
        }.ToByteArray();
    }

    /// <summary>Verifies a received datagram (or a peer-exchanged announce).</summary>
    /// <exception cref="ProtocolViolationException">
    /// <see cref="ProtocolViolationReason.FrameTooLarge"/>, <see cref="ProtocolViolationReason.MalformedMessage"/>,
    /// <see cref="ProtocolViolationReason.UnsupportedVersion"/>, <see cref="ProtocolViolationReason.BadSignature"/>,
    /// <see cref="ProtocolViolationReason.IdentityMismatch"/> (node id not derived from the key) or
    /// <see cref="ProtocolViolationReason.StaleTimestamp"/>. Discovery ignores the datagram and counts it.
    /// </exception>
    public static VerifiedAnnounce Verify(ReadOnlySpan<byte> datagram, TimeProvider time, AnnounceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(limits);
        if (datagram.Length > limits.MaxDatagramSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.FrameTooLarge,
                $"Announce of {datagram.Length} bytes exceeds {AnnounceLimits.MaxDatagramSizeSetting} = {limits.MaxDatagramSize}.");
        }

        var signed = ProtobufReader.Parse(SignedAnnounce.Parser, datagram, "SignedAnnounce");
        ProtobufReader.RequireLength(signed.IdentityKey, Ed25519.PublicKeySize, "SignedAnnounce.identity_key");
        ProtobufReader.RequireLength(signed.Signature, Ed25519.SignatureSize, "SignedAnnounce.signature");

        // Read only to refuse another version with a clear reason; trusted after the signature holds.
        var announce = ProtobufReader.Parse(Announce.Parser, signed.Announce.Span, "Announce");
        if (announce.ProtocolVersion != ProtocolVersion)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.UnsupportedVersion,
                $"Announce speaks protocol version {announce.ProtocolVersion}; this node speaks {ProtocolVersion}.");
        }

        if (!Ed25519.Verify(signed.IdentityKey.Span, Concat(Domain, signed.Announce.Span), signed.Signature.Span))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.BadSignature, "Announce signature does not verify.");
        }

        var nodeId = NodeId.FromPublicKey(signed.IdentityKey.Span);
        if (!announce.NodeId.Span.SequenceEqual(nodeId.ToByteArray()))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.IdentityMismatch, "Announced node id is not derived from the announced key.");
        }

        ProtobufReader.RequireLength(announce.SealingKey, X25519.KeySize, "Announce.sealing_key");
        ProtobufReader.RequireAtMost(announce.Endpoints.Count, AnnounceLimits.MaxEndpoints, "Announce endpoints", "protocol limit");
        ProtobufReader.RequireAtMost(Encoding.UTF8.GetByteCount(announce.Name), AnnounceLimits.MaxNameBytes, "Announce name bytes", "protocol limit");
        if (!announce.NetworkTag.IsEmpty)
        {
            ProtobufReader.RequireLength(announce.NetworkTag, NetworkKey.TagSize, "Announce.network_tag");
            ProtobufReader.RequireLength(announce.NetworkSalt, NetworkKey.SaltSize, "Announce.network_salt");
        }
        else if (!announce.NetworkSalt.IsEmpty)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "Announce has a network salt but no tag.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var difference = Int128.Abs((Int128)announce.TimestampUnixMs - now);
        if (difference > (Int128)limits.MaxClockDifference.TotalMilliseconds)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.StaleTimestamp,
                $"Announce timestamp is {difference} ms from now, over {AnnounceLimits.MaxClockDifferenceSetting} = {limits.MaxClockDifference}.");
        }

        return new VerifiedAnnounce(
            nodeId,
            signed.IdentityKey.Memory,
            announce.SealingKey.Memory,
            announce.Name,
            announce.Endpoints.Select(PeerEndpoint.FromWire).ToArray(),
            announce.ProtocolVersion,
            announce.NetworkTag.Memory,
            announce.NetworkSalt.Memory,
            DateTimeOffset.FromUnixTimeMilliseconds(announce.TimestampUnixMs),
            datagram.ToArray());
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }
}
