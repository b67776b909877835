using Google.Protobuf;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Public body records to wire messages.</summary>
internal static class BodyEncoder
{
    public static (EnvelopeBodyType Type, IMessage Message) ToWire(EnvelopeBody body) => body switch
    {
        ChatBody b => (EnvelopeBodyType.ChatMessage, new ChatMessage { Text = b.Text, SentAtUnixMs = b.SentAtUnixMs, Scope = (Wire.ChatScope)b.Scope }),
        DeliveryReceiptBody b => (EnvelopeBodyType.DeliveryReceipt, Receipt(b)),
        LinkStateBody b => (EnvelopeBodyType.LinkState, LinkState(b)),
        TraceRequestBody b => (EnvelopeBodyType.TraceRequest, new TraceRequest { TraceId = WireIds.ToBytes(b.TraceId), SentAtUnixMs = b.SentAtUnixMs }),
        TraceReplyBody b => (EnvelopeBodyType.TraceReply, TraceReply(b)),
        FileOfferBody b => (EnvelopeBodyType.FileOffer, new FileOffer
        {
            FileId = WireIds.ToBytes(b.FileId),
            Name = b.Name,
            Size = b.Size,
            Sha256 = ByteString.CopyFrom(b.Sha256.Span),
            ChunkSize = b.ChunkSize,
            MimeType = b.MimeType ?? string.Empty,
        }),
        FileAcceptBody b => (EnvelopeBodyType.FileAccept, Accept(b)),
        FileChunkBody b => (EnvelopeBodyType.FileChunk, new FileChunk { FileId = WireIds.ToBytes(b.FileId), Index = b.Index, Data = ByteString.CopyFrom(b.Data.Span) }),
        ChunkAckBody b => (EnvelopeBodyType.ChunkAck, Ack(b)),
        FileCancelBody b => (EnvelopeBodyType.FileCancel, new FileCancel { FileId = WireIds.ToBytes(b.FileId), Reason = (FileCancelReason)b.Reason, Text = Utf8Text.Truncate(b.Text ?? string.Empty, 256) }),
        CallSignalBody b => (EnvelopeBodyType.CallSignal, new CallSignal { CallId = WireIds.ToBytes(b.CallId), Kind = (CallSignalKind)b.Type, Codec = b.Codec ?? string.Empty }),
        MediaFrameBody b => (EnvelopeBodyType.MediaFrame, new MediaFrame { CallId = WireIds.ToBytes(b.CallId), Sequence = b.Sequence, Timestamp = b.Timestamp, Payload = ByteString.CopyFrom(b.Payload.Span) }),
        _ => throw new ArgumentException($"Unknown body {body.GetType().Name}.", nameof(body)),
    };

    private static DeliveryReceipt Receipt(DeliveryReceiptBody b)
    {
        var wire = new DeliveryReceipt { ReceivedAtUnixMs = b.ReceivedAtUnixMs };
        wire.MessageIds.AddRange(b.MessageIds.Select(id => ByteString.CopyFrom(id.ToByteArray())));
        return wire;
    }

    private static LinkState LinkState(LinkStateBody b)
    {
        var wire = new LinkState
        {
            Origin = ByteString.CopyFrom(b.Origin.ToByteArray()),
            Sequence = b.Sequence,
            IssuedAtUnixMs = b.IssuedAtUnixMs,
            SealingKey = ByteString.CopyFrom(b.SealingKey.Span),
            Name = Utf8Text.Truncate(b.Name ?? string.Empty, 64),
        };
        wire.Neighbours.AddRange(b.Neighbours.Select(n => new Neighbour { NodeId = ByteString.CopyFrom(n.NodeId.ToByteArray()), RttUs = n.RttMicroseconds }));
        return wire;
    }

    private static TraceReply TraceReply(TraceReplyBody b)
    {
        var wire = new TraceReply
        {
            TraceId = WireIds.ToBytes(b.TraceId),
            HopCount = b.HopCount,
            RequestSentAtUnixMs = b.RequestSentAtUnixMs,
            RepliedAtUnixMs = b.RepliedAtUnixMs,
        };
        wire.Hops.AddRange(b.Hops.Select(h => new TraceHop { NodeId = ByteString.CopyFrom(h.NodeId.ToByteArray()), RttUs = h.RttMicroseconds }));
        return wire;
    }

    private static FileAccept Accept(FileAcceptBody b)
    {
        var wire = new FileAccept { FileId = WireIds.ToBytes(b.FileId) };
        wire.Have.AddRange(b.Have.Select(Range));
        return wire;
    }

    private static ChunkAck Ack(ChunkAckBody b)
    {
        var wire = new ChunkAck { FileId = WireIds.ToBytes(b.FileId) };
        wire.Received.AddRange(b.Received.Select(Range));
        wire.Missing.AddRange(b.Missing.Select(Range));
        return wire;
    }

    private static IndexRange Range(ChunkRange r) => new() { First = r.First, Count = r.Count };
}
