using Google.Protobuf;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>
/// Puts body plaintexts into the form each <see cref="EnvelopeProtection"/> level carries and takes
/// them out again: <see cref="EnvelopeProtection.Link"/> carries the plaintext itself,
/// <see cref="EnvelopeProtection.Network"/> a NetworkSealed (Fernet token under the network key),
/// <see cref="EnvelopeProtection.EndToEnd"/> a SealedBody whose bytes come from the sealing code
/// (<c>Sealing.Sealer</c>). Never opens one level as another: a missing key is an error, not a fallback.
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
    /// <param name="timeToLive">Refuse tokens older than this (null: any age; relayed store-and-forward traffic may be old).</param>
    /// <exception cref="ProtocolViolationException">Undecodable wrapper or any Fernet failure; drop the message, keep the link.</exception>
    public static byte[] OpenFromNetwork(ReadOnlySpan<byte> body, FernetCodec network, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(network);
        var wrapper = ProtobufReader.Parse(NetworkSealed.Parser, body, "NetworkSealed");
        return network.DecryptBytes(wrapper.Token.Span, timeToLive);
    }

    /// <summary>A SealedBody wrapper around the output of the sealing code.</summary>
    public static byte[] WrapSealed(ReadOnlySpan<byte> sealedMessage) =>
        new SealedBody { Sealed = ByteString.CopyFrom(sealedMessage) }.ToByteArray();

    /// <summary>The sealed message inside a SealedBody, to pass to the sealing code's Open.</summary>
    /// <exception cref="ProtocolViolationException">Undecodable wrapper (<see cref="ProtocolViolationReason.MalformedMessage"/>).</exception>
    public static ReadOnlyMemory<byte> UnwrapSealed(ReadOnlySpan<byte> body) =>
        ProtobufReader.Parse(SealedBody.Parser, body, "SealedBody").Sealed.Memory;
}
