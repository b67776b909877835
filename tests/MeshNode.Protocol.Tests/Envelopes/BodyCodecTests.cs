using Google.Protobuf;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Envelopes;

public class BodyCodecTests
{
    private static readonly NodeId A = NodeId.FromBytes(Enumerable.Repeat((byte)0xA1, 16).ToArray());
    private static readonly NodeId B = NodeId.FromBytes(Enumerable.Repeat((byte)0xB2, 16).ToArray());
    private static readonly BodyLimits Limits = new(MaxChatTextBytes: 100, MaxNeighbours: 4, MaxListItems: 4, MaxChunkSize: 1024);

    public static TheoryData<EnvelopeBody, EnvelopeBodyType> Bodies() => new()
    {
        { new ChatBody("hi there", 17, Protocol.Envelopes.Bodies.ChatScope.All), EnvelopeBodyType.ChatMessage },
        { new DeliveryReceiptBody([new EnvelopeId(5), new EnvelopeId(UInt128.MaxValue)], 9), EnvelopeBodyType.DeliveryReceipt },
        { new LinkStateBody(A, 7, [new LinkNeighbour(B, 1500)], 11, new byte[32], "alice"), EnvelopeBodyType.LinkState },
        { new TraceRequestBody(99, 12), EnvelopeBodyType.TraceRequest },
        { new TraceReplyBody(99, 3, [new LinkNeighbour(A, 1), new LinkNeighbour(B, 2)], 12, 13), EnvelopeBodyType.TraceReply },
        { new FileOfferBody(1234, "report.pdf", 1 << 20, new byte[32], 1024, "application/pdf"), EnvelopeBodyType.FileOffer },
        { new FileAcceptBody(1234, [new ChunkRange(0, 10)]), EnvelopeBodyType.FileAccept },
        { new FileChunkBody(1234, 3, new byte[] { 1, 2, 3 }), EnvelopeBodyType.FileChunk },
        { new ChunkAckBody(1234, [new ChunkRange(0, 3)], [new ChunkRange(3, 1)]), EnvelopeBodyType.ChunkAck },
        { new FileCancelBody(1234, TransferCancelReason.HashMismatch, "bad hash"), EnvelopeBodyType.FileCancel },
        { new CallSignalBody(77, CallSignalType.Offer, "pcmu/8000"), EnvelopeBodyType.CallSignal },
        { new MediaFrameBody(77, 5, 160, new byte[] { 9, 9 }), EnvelopeBodyType.MediaFrame },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Round_trips_every_body(EnvelopeBody body, EnvelopeBodyType type)
    {
        var (encodedType, bytes) = BodyCodec.Encode(body);
        Assert.Equal(type, encodedType);
        var decoded = BodyCodec.Decode(type, bytes, Limits);
        Assert.Equal(BodyCodec.Encode(decoded).Bytes, bytes);
        Assert.Equal(body.GetType(), decoded.GetType());
    }

    [Fact]
    public void Decodes_chat_fields()
    {
        var (type, bytes) = BodyCodec.Encode(new ChatBody("hello", 42, Protocol.Envelopes.Bodies.ChatScope.Direct));
        Assert.Equal(new ChatBody("hello", 42, Protocol.Envelopes.Bodies.ChatScope.Direct), BodyCodec.Decode(type, bytes, Limits));
    }

    [Fact]
    public void Refuses_chat_text_over_the_setting()
    {
        var (type, bytes) = BodyCodec.Encode(new ChatBody(new string('x', 101), 1, Protocol.Envelopes.Bodies.ChatScope.All));
        var ex = Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes, Limits));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Contains("mesh.chat.max-text-bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_too_many_neighbours_or_list_items()
    {
        var neighbours = Enumerable.Repeat(new LinkNeighbour(B, 1), 5).ToArray();
        var (type, bytes) = BodyCodec.Encode(new LinkStateBody(A, 1, neighbours, 1, new byte[32], "a"));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes, Limits)).Reason);

        (type, bytes) = BodyCodec.Encode(new DeliveryReceiptBody(Enumerable.Range(0, 5).Select(i => new EnvelopeId((UInt128)i)).ToArray(), 1));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes, Limits)).Reason);
    }

    [Fact]
    public void Refuses_a_chunk_over_the_chunk_size_setting()
    {
        var (type, bytes) = BodyCodec.Encode(new FileChunkBody(1, 0, new byte[1025]));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes, Limits)).Reason);
        (type, bytes) = BodyCodec.Encode(new FileOfferBody(1, "f", 1, new byte[32], 0, ""));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes, Limits)).Reason);
    }

    [Fact]
    public void Refuses_ids_of_the_wrong_length()
    {
        var bytes = new FileChunk { FileId = ByteString.CopyFrom(new byte[15]) }.ToByteArray();
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(EnvelopeBodyType.FileChunk, bytes, Limits)).Reason);
        bytes = new FileOffer { FileId = ByteString.CopyFrom(new byte[16]), Sha256 = ByteString.CopyFrom(new byte[31]), ChunkSize = 1 }.ToByteArray();
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(EnvelopeBodyType.FileOffer, bytes, Limits)).Reason);
    }

    [Fact]
    public void Refuses_unknown_body_types_chat_scopes_and_call_kinds()
    {
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode((EnvelopeBodyType)99, [], Limits)).Reason);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(EnvelopeBodyType.ChatMessage, new ChatMessage { Text = "x" }.ToByteArray(), Limits)).Reason);
        var signal = new CallSignal { CallId = ByteString.CopyFrom(new byte[16]), Kind = (CallSignalKind)42 }.ToByteArray();
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(EnvelopeBodyType.CallSignal, signal, Limits)).Reason);
    }

    [Fact]
    public void Refuses_truncated_bodies_as_malformed()
    {
        var (type, bytes) = BodyCodec.Encode(new ChatBody("hello", 42, Protocol.Envelopes.Bodies.ChatScope.All));
        var ex = Assert.Throws<ProtocolViolationException>(() => BodyCodec.Decode(type, bytes.AsSpan(0, 3), Limits));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
        Assert.False(ex.ClosesLink);
    }
}
