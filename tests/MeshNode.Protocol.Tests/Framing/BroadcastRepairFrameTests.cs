using Google.Protobuf;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;
using FrameRef = MeshNode.Protocol.Framing.BroadcastRef;
using WireRef = MeshNode.Protocol.Wire.BroadcastRef;

namespace MeshNode.Protocol.Tests.Framing;

/// <summary>The broadcast digest and pull link frames (docs/protocol.md, section 6).</summary>
public class BroadcastRepairFrameTests
{
    private static readonly NodeId Origin = NodeId.FromBytes(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());

    [Fact]
    public void Round_trips_a_digest_in_order()
    {
        FrameRef[] refs = [new(Origin, new EnvelopeId(7)), new(Origin, new EnvelopeId(UInt128.MaxValue)), new(default, new EnvelopeId(0))];
        var decoded = Assert.IsType<BroadcastDigestFrame>(LinkFrameCodec.Decode(LinkFrameCodec.Encode(new BroadcastDigestFrame(refs)), LinkFrameLimits.Default));
        Assert.Equal(refs, decoded.Broadcasts);
    }

    [Fact]
    public void Round_trips_a_pull_of_the_most_entries_allowed()
    {
        var refs = Enumerable.Range(0, LinkFrameLimits.MaxBroadcastRefs).Select(i => new FrameRef(Origin, new EnvelopeId((UInt128)i))).ToArray();
        var bytes = LinkFrameCodec.Encode(new BroadcastPullFrame(refs));
        var decoded = Assert.IsType<BroadcastPullFrame>(LinkFrameCodec.Decode(bytes, LinkFrameLimits.Default));
        Assert.Equal(refs, decoded.Broadcasts);
        Assert.True(bytes.Length < 12 * 1024, $"256 entries take {bytes.Length} bytes");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rejects_more_entries_than_the_protocol_limit_naming_it(bool digest)
    {
        var entries = Enumerable.Range(0, LinkFrameLimits.MaxBroadcastRefs + 1).Select(_ => Ref(16, 16));
        var frame = digest ? new LinkFrame { Digest = new BroadcastDigest { Broadcasts = { entries } } } : new LinkFrame { Pull = new BroadcastPull { Broadcasts = { entries } } };
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(frame.ToByteArray(), LinkFrameLimits.Default));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Contains(LinkFrameLimits.MaxBroadcastRefsName, ex.Message, StringComparison.Ordinal);
        Assert.False(ex.ClosesLink);
    }

    [Theory]
    [InlineData(15, 16)]
    [InlineData(16, 17)]
    [InlineData(0, 16)]
    [InlineData(16, 0)]
    public void Rejects_an_entry_with_a_wrong_length_id(int originLength, int idLength)
    {
        var frame = new LinkFrame { Pull = new BroadcastPull { Broadcasts = { Ref(16, 16), Ref(originLength, idLength) } } };
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(frame.ToByteArray(), LinkFrameLimits.Default));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Rejects_an_empty_digest()
    {
        var frame = new LinkFrame { Digest = new BroadcastDigest() };
        var ex = Assert.Throws<ProtocolViolationException>(() => LinkFrameCodec.Decode(frame.ToByteArray(), LinkFrameLimits.Default));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Refuses_to_encode_an_empty_or_oversized_list()
    {
        Assert.Throws<ArgumentException>(() => LinkFrameCodec.Encode(new BroadcastDigestFrame([])));
        var tooMany = Enumerable.Repeat(new FrameRef(Origin, default), LinkFrameLimits.MaxBroadcastRefs + 1).ToArray();
        Assert.Throws<ArgumentException>(() => LinkFrameCodec.Encode(new BroadcastPullFrame(tooMany)));
    }

    private static WireRef Ref(int originLength, int idLength) =>
        new() { Origin = ByteString.CopyFrom(new byte[originLength]), Id = ByteString.CopyFrom(new byte[idLength]) };
}
