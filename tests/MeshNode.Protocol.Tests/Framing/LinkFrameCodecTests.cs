using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Framing;

public class LinkFrameCodecTests
{
    private static readonly LinkFrameLimits Limits = new(MaxFrameSize: 4096, MaxExchangedPeers: 4);

    public static TheoryData<LinkMessage> RoundTrips() => new()
    {
        new PingFrame(42, 123456789),
        new PongFrame(42, 123456789),
        new FlowCreditFrame(16, 1 << 20),
        new CloseFrame(LinkCloseReason.UnsupportedVersion, "speak v1", 1, 1),
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Round_trips_simple_frames(LinkMessage message)
    {
        Assert.Equal(message, LinkFrameCodec.Decode(LinkFrameCodec.Encode(message), Limits));
    }

    [Fact]
    public void Keeps_envelope_bytes_exactly()
    {
        var bytes = new byte[] { 0x0A, 0x03, 1, 2, 3, 0xFF };
        var decoded = Assert.IsType<EnvelopeFrame>(LinkFrameCodec.Decode(LinkFrameCodec.Encode(new EnvelopeFrame(bytes)), Limits));
        Assert.Equal(bytes, decoded.SignedEnvelope.ToArray());
    }

    [Fact]
    public void Round_trips_a_peer_exchange()
    {
        var id = NodeId.FromBytes(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
        var frame = new PeerExchangeFrame([new ExchangedPeer(id, [new PeerEndpoint("10.0.0.7", 7400), new PeerEndpoint("fe80::1", 7401)], 99, new byte[] { 1, 2 })]);
        var decoded = Assert.IsType<PeerExchangeFrame>(LinkFrameCodec.Decode(LinkFrameCodec.Encode(frame), Limits));
        var peer = Assert.Single(decoded.Peers);
        Assert.Equal(id, peer.NodeId);
        Assert.Equal(frame.Peers[0].Endpoints, peer.Endpoints);
        Assert.Equal(99, peer.LastSeenUnixMs);
        Assert.Equal(new byte[] { 1, 2 }, peer.SignedAnnounce.ToArray());
    }

    [Fact]
    public void Rejects_more_exchanged_peers_than_the_setting_allows()
    {
        var wire = new PeerExchange();
        for (var i = 0; i < 5; i++)
        {
            wire.Peers.Add(new KnownPeer { NodeId = ByteString.CopyFrom(new byte[16]) });
        }

        var bytes = new LinkFrame { PeerExchange = wire }.ToByteArray();
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(bytes, Limits));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Contains("mesh.link.max-exchanged-peers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_peer_with_a_short_node_id()
    {
        var wire = new PeerExchange();
        wire.Peers.Add(new KnownPeer { NodeId = ByteString.CopyFrom(new byte[15]) });
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(new LinkFrame { PeerExchange = wire }.ToByteArray(), Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Rejects_an_endpoint_with_port_zero()
    {
        var wire = new PeerExchange();
        var peer = new KnownPeer { NodeId = ByteString.CopyFrom(new byte[16]) };
        peer.Endpoints.Add(new TcpEndpoint { Host = "h", Port = 0 });
        wire.Peers.Add(peer);
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(new LinkFrame { PeerExchange = wire }.ToByteArray(), Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Rejects_an_oversized_frame_before_parsing()
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(new byte[4097], Limits));
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
    }

    [Fact]
    public void Rejects_a_truncated_frame_as_malformed()
    {
        var bytes = LinkFrameCodec.Encode(new PingFrame(1, 2));
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(bytes.AsSpan(0, bytes.Length - 1), Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
        Assert.IsType<InvalidProtocolBufferException>(ex.InnerException);
    }

    [Fact]
    public void Rejects_an_empty_frame_as_unknown_kind_without_closing_the_link()
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode([], Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
        Assert.False(ex.ClosesLink);
    }

    [Fact]
    public void Rejects_garbage()
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode([0xFF, 0xFF, 0xFF, 0xFF], Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Rejects_an_overlong_close_text()
    {
        var bytes = new LinkFrame { Close = new Close { Text = new string('x', 257) } }.ToByteArray();
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(bytes, Limits));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
    }

    [Fact]
    public void Truncates_an_overlong_close_text_when_encoding()
    {
        var bytes = LinkFrameCodec.Encode(new CloseFrame(LinkCloseReason.Shutdown, new string('é', 200)));
        var decoded = Assert.IsType<CloseFrame>(LinkFrameCodec.Decode(bytes, Limits));
        Assert.True(Encoding.UTF8.GetByteCount(decoded.Text) <= 256);
    }

    [Fact]
    public void Maps_an_unknown_close_reason_to_unspecified()
    {
        var bytes = new LinkFrame { Close = new Close { Reason = (CloseReason)77 } }.ToByteArray();
        Assert.Equal(LinkCloseReason.Unspecified, Assert.IsType<CloseFrame>(LinkFrameCodec.Decode(bytes, Limits)).Reason);
    }

    [Theory]
    [InlineData("12FFFFFFFF0704080110")]
    [InlineData("22FFFFFFFF070425AE2D")]
    [InlineData("12FFFFFFFF07")]
    [InlineData("0AFFFFFFFF0F")]
    public void Rejects_a_nested_message_with_a_huge_length_as_malformed(string hex)
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(Convert.FromHexString(hex), Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }
}
