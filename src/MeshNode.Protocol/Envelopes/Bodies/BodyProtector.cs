using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Sealing;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>
/// Puts body plaintexts into the form each <see cref="EnvelopeProtection"/> level carries and takes
/// them out again: <see cref="EnvelopeProtection.Link"/> carries the plaintext itself,
/// <see cref="EnvelopeProtection.Network"/> a NetworkSealed (Fernet token under the network key),
/// <see cref="EnvelopeProtection.EndToEnd"/> a SealedBody (<see cref="Sealer"/> output, empty
/// associated data). Never opens one level as another: a missing key is an error, not a fallback.
/// Every failure to open is <see cref="ProtocolViolationReason.BodyUnreadable"/> (drop the message,
/// keep the link) with the precise cause as inner exception.
/// </summary>
public static class BodyProtector
{
    /// <summary>A NetworkSealed wrapper holding <paramref name="plaintext"/> encrypted under the network key.</summary>
    public static byte[] SealForNetwork(ReadOnlySpan<byte> plaintext, FernetCodec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NetworkSealed { Token = UnsafeByteOperations.UnsafeWrap(network.EncryptToBytes(plaintext)) }.ToByteArray();
    }

    /// <summary>The plaintext inside a NetworkSealed body.</summary>
    /// <param name="body">The envelope's body bytes.</param>
    /// <param name="network">This node's network codec.</param>
    /// <param name="timeToLive">Refuse tokens older than this (null: any age; store-and-forward traffic may be old).</param>
    /// <exception cref="ProtocolViolationException"><see cref="ProtocolViolationReason.BodyUnreadable"/>.</exception>
    public static byte[] OpenFromNetwork(ReadOnlySpan<byte> body, FernetCodec network, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            var wrapper = ProtobufReader.Parse(NetworkSealed.Parser, body, "NetworkSealed");
            return network.DecryptBytes(wrapper.Token.Span, timeToLive);
        }
        catch (ProtocolViolationException ex)
        {
            throw Unreadable("Network-protected body", ex);
        }
    }

    /// <summary>A SealedBody readable only by the holder of <paramref name="recipientSealingKey"/>, signed by <paramref name="sender"/>.</summary>
    /// <exception cref="ProtocolViolationException">The recipient key is a low-order point (<see cref="ProtocolViolationReason.InvalidKey"/>).</exception>
    public static byte[] SealForRecipient(ReadOnlySpan<byte> plaintext, NodeIdentity sender, ReadOnlySpan<byte> recipientSealingKey, IRandomSource? random = null) =>
        WrapSealed(Sealer.Seal(sender, recipientSealingKey, plaintext, [], random));

    /// <summary>The plaintext of a SealedBody sealed to <paramref name="recipient"/> by the identity <paramref name="senderIdentityKey"/> (the envelope's origin key).</summary>
    /// <exception cref="ProtocolViolationException"><see cref="ProtocolViolationReason.BodyUnreadable"/>.</exception>
    public static byte[] OpenFromSender(ReadOnlySpan<byte> body, NodeIdentity recipient, ReadOnlySpan<byte> senderIdentityKey)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            return Sealer.Open(recipient, senderIdentityKey, UnwrapSealed(body).Span, []);
        }
        catch (ProtocolViolationException ex)
        {
            throw Unreadable("End-to-end body", ex);
        }
        catch (ArgumentException ex)
        {
            throw Unreadable("End-to-end body", ex);
        }
    }

    /// <summary>
    /// Opens and decodes the body of a verified envelope at the level its origin chose.
    /// </summary>
    /// <param name="envelope">A verified envelope.</param>
    /// <param name="self">This node (for end-to-end bodies, which must be addressed to it).</param>
    /// <param name="network">This node's network codec, or null on an open network.</param>
    /// <param name="limits">Body bounds.</param>
    /// <exception cref="ProtocolViolationException">
    /// <see cref="ProtocolViolationReason.BodyUnreadable"/> (no key, not for this node, altered) or a
    /// decoding reason from <see cref="BodyCodec.Decode"/>. None closes the link.
    /// </exception>
    public static EnvelopeBody Open(VerifiedEnvelope envelope, NodeIdentity self, FernetCodec? network, BodyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(self);
        byte[] plaintext;
        switch (envelope.Protection)
        {
            case EnvelopeProtection.Link:
                return BodyCodec.Decode(envelope.BodyType, envelope.Body.Span, limits);
            case EnvelopeProtection.Network when network is null:
                throw new ProtocolViolationException(ProtocolViolationReason.BodyUnreadable, "Network-protected body, but this node has no network passphrase.");
            case EnvelopeProtection.Network:
                plaintext = OpenFromNetwork(envelope.Body.Span, network, null);
                break;
            case EnvelopeProtection.EndToEnd when envelope.Destination != self.Id:
                throw new ProtocolViolationException(ProtocolViolationReason.BodyUnreadable, "End-to-end body addressed to another node.");
            default:
                plaintext = OpenFromSender(envelope.Body.Span, self, envelope.OriginPublicKey.Span);
                break;
        }

        return BodyCodec.Decode(envelope.BodyType, plaintext, limits);
    }

    /// <summary>A SealedBody wrapper around the output of the sealing code.</summary>
    public static byte[] WrapSealed(ReadOnlySpan<byte> sealedMessage) =>
        new SealedBody { Sealed = ByteString.CopyFrom(sealedMessage) }.ToByteArray();

    /// <summary>The sealed message inside a SealedBody, to pass to <see cref="Sealer.Open(NodeIdentity, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="ProtocolViolationException">Undecodable wrapper (<see cref="ProtocolViolationReason.MalformedMessage"/>).</exception>
    public static ReadOnlyMemory<byte> UnwrapSealed(ReadOnlySpan<byte> body) =>
        ProtobufReader.Parse(SealedBody.Parser, body, "SealedBody").Sealed.Memory;

    private static ProtocolViolationException Unreadable(string what, Exception inner) =>
        new(ProtocolViolationReason.BodyUnreadable, $"{what} cannot be opened: {inner.Message}", inner);
}
