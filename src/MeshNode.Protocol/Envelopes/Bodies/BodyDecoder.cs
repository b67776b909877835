using System.Text;
using Google.Protobuf;
using Google.Protobuf.Collections;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Wire messages to public body records, bounding every count and length first.</summary>
internal static class BodyDecoder
{
    public static EnvelopeBody Decode(EnvelopeBodyType type, ReadOnlySpan<byte> data, BodyLimits limits) => type switch
    {
        EnvelopeBodyType.ChatMessage => Chat(ProtobufReader.Parse(ChatMessage.Parser, data, "ChatMessage"), limits),
        EnvelopeBodyType.DeliveryReceipt => Receipt(ProtobufReader.Parse(DeliveryReceipt.Parser, data, "DeliveryReceipt"), limits),
        EnvelopeBodyType.LinkState => LinkState(ProtobufReader.Parse(Wire.LinkState.Parser, data, "LinkState"), limits),
        EnvelopeBodyType.TraceRequest => TraceRequest(ProtobufReader.Parse(Wire.TraceRequest.Parser, data, "TraceRequest")),
        EnvelopeBodyType.TraceReply => TraceReply(ProtobufReader.Parse(Wire.TraceReply.Parser, data, "TraceReply"), limits),
        EnvelopeBodyType.FileOffer => Offer(ProtobufReader.Parse(FileOffer.Parser, data, "FileOffer"), limits),
        EnvelopeBodyType.FileAccept => Accept(ProtobufReader.Parse(FileAccept.Parser, data, "FileAccept"), limits),
        EnvelopeBodyType.FileChunk => Chunk(ProtobufReader.Parse(FileChunk.Parser, data, "FileChunk"), limits),
        EnvelopeBodyType.ChunkAck => Ack(ProtobufReader.Parse(ChunkAck.Parser, data, "ChunkAck"), limits),
        EnvelopeBodyType.FileCancel => Cancel(ProtobufReader.Parse(FileCancel.Parser, data, "FileCancel")),
        EnvelopeBodyType.CallSignal => Signal(ProtobufReader.Parse(CallSignal.Parser, data, "CallSignal")),
        EnvelopeBodyType.MediaFrame => Media(ProtobufReader.Parse(MediaFrame.Parser, data, "MediaFrame")),
        _ => throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"Body type {(int)type} is unknown to this node."),
    };

    private static ChatBody Chat(ChatMessage m, BodyLimits limits)
    {
        Text(m.Text, limits.MaxChatTextBytes, "Chat text bytes", "mesh.chat.max-text-bytes");
        var scope = (ChatScope)m.Scope;
        if (scope is not (ChatScope.All or ChatScope.Direct))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "Chat scope must be all or direct.");
        }

        return new ChatBody(m.Text, m.SentAtUnixMs, scope);
    }

    private static DeliveryReceiptBody Receipt(DeliveryReceipt m, BodyLimits limits)
    {
        Count(m.MessageIds.Count, limits);
        var ids = new EnvelopeId[m.MessageIds.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ProtobufReader.RequireLength(m.MessageIds[i], EnvelopeId.Size, "DeliveryReceipt.message_ids");
            ids[i] = EnvelopeId.FromBytes(m.MessageIds[i].Span);
        }

        return new DeliveryReceiptBody(ids, m.ReceivedAtUnixMs);
    }

    private static LinkStateBody LinkState(Wire.LinkState m, BodyLimits limits)
    {
        ProtobufReader.RequireAtMost(m.Neighbours.Count, limits.MaxNeighbours, "Link-state neighbours", "mesh.topology.max-neighbours");
        ProtobufReader.RequireLength(m.SealingKey, Crypto.X25519.KeySize, "LinkState.sealing_key");
        Text(m.Name, 64, "Link-state name bytes", "protocol limit");
        var neighbours = m.Neighbours.Select(n => new LinkNeighbour(Node(n.NodeId, "Neighbour.node_id"), n.RttUs)).ToArray();
        return new LinkStateBody(Node(m.Origin, "LinkState.origin"), m.Sequence, neighbours, m.IssuedAtUnixMs, m.SealingKey.Memory, m.Name);
    }

    private static TraceRequestBody TraceRequest(Wire.TraceRequest m) =>
        new(WireIds.FromBytes(m.TraceId, "TraceRequest.trace_id"), m.SentAtUnixMs);

    private static TraceReplyBody TraceReply(Wire.TraceReply m, BodyLimits limits)
    {
        Count(m.Hops.Count, limits);
        var hops = m.Hops.Select(h => new LinkNeighbour(Node(h.NodeId, "TraceHop.node_id"), h.RttUs)).ToArray();
        return new TraceReplyBody(WireIds.FromBytes(m.TraceId, "TraceReply.trace_id"), m.HopCount, hops, m.RequestSentAtUnixMs, m.RepliedAtUnixMs);
    }

    private static FileOfferBody Offer(FileOffer m, BodyLimits limits)
    {
        Text(m.Name, BodyLimits.MaxShortTextBytes, "File name bytes", "protocol limit");
        Text(m.MimeType, BodyLimits.MaxShortTextBytes, "MIME type bytes", "protocol limit");
        ProtobufReader.RequireLength(m.Sha256, 32, "FileOffer.sha256");
        if (m.ChunkSize == 0 || m.ChunkSize > limits.MaxChunkSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.LimitExceeded, $"Chunk size {m.ChunkSize} outside 1..mesh.transfers.max-chunk-size = {limits.MaxChunkSize}.");
        }

        return new FileOfferBody(WireIds.FromBytes(m.FileId, "FileOffer.file_id"), m.Name, m.Size, m.Sha256.Memory, m.ChunkSize, m.MimeType);
    }

    private static FileAcceptBody Accept(FileAccept m, BodyLimits limits) =>
        new(WireIds.FromBytes(m.FileId, "FileAccept.file_id"), Ranges(m.Have, limits));

    private static FileChunkBody Chunk(FileChunk m, BodyLimits limits)
    {
        ProtobufReader.RequireAtMost(m.Data.Length, limits.MaxChunkSize, "Chunk bytes", "mesh.transfers.max-chunk-size");
        return new FileChunkBody(WireIds.FromBytes(m.FileId, "FileChunk.file_id"), m.Index, m.Data.Memory);
    }

    private static ChunkAckBody Ack(ChunkAck m, BodyLimits limits) =>
        new(WireIds.FromBytes(m.FileId, "ChunkAck.file_id"), Ranges(m.Received, limits), Ranges(m.Missing, limits));

    private static FileCancelBody Cancel(FileCancel m)
    {
        Text(m.Text, 256, "Cancel text bytes", "protocol limit");
        var reason = Enum.IsDefined((TransferCancelReason)m.Reason) ? (TransferCancelReason)m.Reason : TransferCancelReason.Unspecified;
        return new FileCancelBody(WireIds.FromBytes(m.FileId, "FileCancel.file_id"), reason, m.Text);
    }

    private static CallSignalBody Signal(CallSignal m)
    {
        Text(m.Codec, 64, "Codec name bytes", "protocol limit");
        var type = (CallSignalType)m.Kind;
        if (type == CallSignalType.Unspecified || !Enum.IsDefined(type))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, $"Call signal kind {(int)m.Kind} is unknown.");
        }

        return new CallSignalBody(WireIds.FromBytes(m.CallId, "CallSignal.call_id"), type, m.Codec);
    }

    private static MediaFrameBody Media(MediaFrame m) =>
        new(WireIds.FromBytes(m.CallId, "MediaFrame.call_id"), m.Sequence, m.Timestamp, m.Payload.Memory);

    private static ChunkRange[] Ranges(RepeatedField<IndexRange> ranges, BodyLimits limits)
    {
        Count(ranges.Count, limits);
        return ranges.Select(r => new ChunkRange(r.First, r.Count)).ToArray();
    }

    private static NodeId Node(ByteString bytes, string field)
    {
        ProtobufReader.RequireLength(bytes, NodeId.Size, field);
        return NodeId.FromBytes(bytes.Span);
    }

    private static void Count(int count, BodyLimits limits) =>
        ProtobufReader.RequireAtMost(count, limits.MaxListItems, "List items", "mesh.envelope.max-list-items");

    private static void Text(string text, int maxBytes, string what, string setting) =>
        ProtobufReader.RequireAtMost(Encoding.UTF8.GetByteCount(text), maxBytes, what, setting);
}
