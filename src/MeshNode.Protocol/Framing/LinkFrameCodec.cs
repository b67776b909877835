using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Framing;

/// <summary>
/// Encodes and decodes the frames of an established link (wire message <c>LinkFrame</c>). Decoding
/// bounds the input and every count before use and throws only <see cref="ProtocolViolationException"/>.
/// An unknown frame kind (from a newer peer) is <see cref="ProtocolViolationReason.MalformedMessage"/>:
/// drop it and keep the link.
/// </summary>
public static class LinkFrameCodec
{
    /// <summary>Serializes <paramref name="message"/> as a LinkFrame.</summary>
    /// <exception cref="ArgumentException">A field is out of its documented range.</exception>
    public static byte[] Encode(LinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var frame = new LinkFrame();
        switch (message)
        {
            case EnvelopeFrame e:
                frame.Envelope = ByteString.CopyFrom(e.SignedEnvelope.Span);
                break;
            case PingFrame p:
                frame.Ping = new Ping { Nonce = p.Nonce, SentAtUs = p.SentAtMicroseconds };
                break;
            case PongFrame p:
                frame.Pong = new Pong { Nonce = p.Nonce, EchoSentAtUs = p.EchoSentAtMicroseconds };
                break;
            case FlowCreditFrame c:
                frame.Credit = new FlowCredit { Frames = c.Frames, Bytes = c.Bytes };
                break;
            case PeerExchangeFrame x:
                frame.PeerExchange = EncodePeers(x);
                break;
            case CloseFrame c:
                frame.Close = new Close
                {
                    Reason = (CloseReason)c.Reason,
                    Text = Utf8Text.Truncate(c.Text ?? string.Empty, LinkFrameLimits.MaxCloseTextBytes),
                    MinVersion = c.MinVersion,
                    MaxVersion = c.MaxVersion,
                };
                break;
            case BroadcastDigestFrame d:
                frame.Digest = new BroadcastDigest();
                frame.Digest.Broadcasts.AddRange(EncodeRefs(d.Broadcasts));
                break;
            case BroadcastPullFrame p:
                frame.Pull = new BroadcastPull();
                frame.Pull.Broadcasts.AddRange(EncodeRefs(p.Broadcasts));
                break;
            default:
                throw new ArgumentException($"Unknown link message {message.GetType().Name}.", nameof(message));
        }

        return frame.ToByteArray();
    }

    /// <summary>Decodes one frame plaintext.</summary>
    /// <exception cref="ProtocolViolationException">
    /// Too long (<see cref="ProtocolViolationReason.FrameTooLarge"/>), undecodable or of an unknown kind
    /// (<see cref="ProtocolViolationReason.MalformedMessage"/>), or a count above its setting
    /// (<see cref="ProtocolViolationReason.LimitExceeded"/>).
    /// </exception>
    public static LinkMessage Decode(ReadOnlySpan<byte> frame, LinkFrameLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (frame.Length > limits.MaxFrameSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.FrameTooLarge,
                $"Link frame of {frame.Length} bytes exceeds {LengthPrefixFramer.MaxFrameSizeSetting} = {limits.MaxFrameSize}.");
        }

        var wire = ProtobufReader.Parse(LinkFrame.Parser, frame, "Link frame");
        return wire.KindCase switch
        {
            LinkFrame.KindOneofCase.Envelope => new EnvelopeFrame(wire.Envelope.Memory),
            LinkFrame.KindOneofCase.Ping => new PingFrame(wire.Ping.Nonce, wire.Ping.SentAtUs),
            LinkFrame.KindOneofCase.Pong => new PongFrame(wire.Pong.Nonce, wire.Pong.EchoSentAtUs),
            LinkFrame.KindOneofCase.Credit => new FlowCreditFrame(wire.Credit.Frames, wire.Credit.Bytes),
            LinkFrame.KindOneofCase.PeerExchange => DecodePeers(wire.PeerExchange, limits),
            LinkFrame.KindOneofCase.Close => DecodeClose(wire.Close),
            LinkFrame.KindOneofCase.Digest => new BroadcastDigestFrame(DecodeRefs(wire.Digest.Broadcasts, "Broadcast digest")),
            LinkFrame.KindOneofCase.Pull => new BroadcastPullFrame(DecodeRefs(wire.Pull.Broadcasts, "Broadcast pull")),
            _ => throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage, "Link frame of an unknown or missing kind."),
        };
    }

    private static PeerExchange EncodePeers(PeerExchangeFrame frame)
    {
        var wire = new PeerExchange();
        foreach (var peer in frame.Peers)
        {
            var known = new KnownPeer
            {
                NodeId = ByteString.CopyFrom(peer.NodeId.ToByteArray()),
                LastSeenUnixMs = peer.LastSeenUnixMs,
                SignedAnnounce = ByteString.CopyFrom(peer.SignedAnnounce.Span),
            };
            known.Endpoints.AddRange(peer.Endpoints.Select(e => e.ToWire()));
            wire.Peers.Add(known);
        }

        return wire;
    }

    private static PeerExchangeFrame DecodePeers(PeerExchange wire, LinkFrameLimits limits)
    {
        ProtobufReader.RequireAtMost(wire.Peers.Count, limits.MaxExchangedPeers, "Peer exchange entries", LinkFrameLimits.MaxExchangedPeersSetting);
        var peers = new List<ExchangedPeer>(wire.Peers.Count);
        foreach (var known in wire.Peers)
        {
            ProtobufReader.RequireLength(known.NodeId, NodeId.Size, "KnownPeer.node_id");
            ProtobufReader.RequireAtMost(known.Endpoints.Count, LinkFrameLimits.MaxEndpointsPerPeer, "KnownPeer endpoints", "protocol limit");
            ProtobufReader.RequireAtMost(known.SignedAnnounce.Length, LinkFrameLimits.MaxAnnounceBytes, "KnownPeer.signed_announce bytes", "protocol limit");
            peers.Add(new ExchangedPeer(
                NodeId.FromBytes(known.NodeId.Span),
                known.Endpoints.Select(PeerEndpoint.FromWire).ToArray(),
                known.LastSeenUnixMs,
                known.SignedAnnounce.Memory));
        }

        return new PeerExchangeFrame(peers);
    }

    private static IEnumerable<Wire.BroadcastRef> EncodeRefs(IReadOnlyList<BroadcastRef> refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        if (refs.Count is 0 or > LinkFrameLimits.MaxBroadcastRefs)
        {
            throw new ArgumentException($"A broadcast digest or pull holds 1 to {LinkFrameLimits.MaxBroadcastRefs} entries, got {refs.Count}.", nameof(refs));
        }

        return refs.Select(r => new Wire.BroadcastRef
        {
            Origin = ByteString.CopyFrom(r.Origin.ToByteArray()),
            Id = ByteString.CopyFrom(r.Id.ToByteArray()),
        });
    }

    private static BroadcastRef[] DecodeRefs(Google.Protobuf.Collections.RepeatedField<Wire.BroadcastRef> wire, string what)
    {
        // The count is checked before this node allocates anything per entry; the parser's own
        // allocation is bounded by the frame size checked above.
        ProtobufReader.RequireAtMost(wire.Count, LinkFrameLimits.MaxBroadcastRefs, $"{what} entries", LinkFrameLimits.MaxBroadcastRefsName);
        if (wire.Count == 0)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"{what} with no entries.");
        }

        var refs = new BroadcastRef[wire.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            ProtobufReader.RequireLength(wire[i].Origin, NodeId.Size, "BroadcastRef.origin");
            ProtobufReader.RequireLength(wire[i].Id, Envelopes.EnvelopeId.Size, "BroadcastRef.id");
            refs[i] = new BroadcastRef(NodeId.FromBytes(wire[i].Origin.Span), Envelopes.EnvelopeId.FromBytes(wire[i].Id.Span));
        }

        return refs;
    }

    private static CloseFrame DecodeClose(Close wire)
    {
        ProtobufReader.RequireAtMost(Encoding.UTF8.GetByteCount(wire.Text), LinkFrameLimits.MaxCloseTextBytes, "Close text bytes", "protocol limit");
        var reason = Enum.IsDefined((LinkCloseReason)wire.Reason) ? (LinkCloseReason)wire.Reason : LinkCloseReason.Unspecified;
        return new CloseFrame(reason, wire.Text, wire.MinVersion, wire.MaxVersion);
    }
}
