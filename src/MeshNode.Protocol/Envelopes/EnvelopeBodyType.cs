namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// What an envelope's body decodes as (wire enum <c>BodyType</c>; the numbers are the wire values).
/// Values this version does not name still verify and are relayed, so newer nodes can add kinds;
/// a node that does not understand one ignores it.
/// </summary>
public enum EnvelopeBodyType
{
    /// <summary>Not set; refused.</summary>
    Unspecified = 0,

    /// <summary>ChatMessage.</summary>
    ChatMessage = 1,

    /// <summary>DeliveryReceipt.</summary>
    DeliveryReceipt = 2,

    /// <summary>LinkState.</summary>
    LinkState = 3,

    /// <summary>TraceRequest.</summary>
    TraceRequest = 4,

    /// <summary>TraceReply.</summary>
    TraceReply = 5,

    /// <summary>FileOffer.</summary>
    FileOffer = 6,

    /// <summary>FileAccept.</summary>
    FileAccept = 7,

    /// <summary>FileChunk.</summary>
    FileChunk = 8,

    /// <summary>ChunkAck.</summary>
    ChunkAck = 9,

    /// <summary>FileCancel.</summary>
    FileCancel = 10,

    /// <summary>CallSignal.</summary>
    CallSignal = 11,

    /// <summary>MediaFrame.</summary>
    MediaFrame = 12,
}
