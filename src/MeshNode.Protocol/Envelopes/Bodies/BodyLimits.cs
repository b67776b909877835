namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Bounds applied when decoding bodies; each comes from the setting named beside it.</summary>
/// <param name="MaxChatTextBytes"><c>mesh.chat.max-text-bytes</c> (default 4096).</param>
/// <param name="MaxNeighbours"><c>mesh.topology.max-neighbours</c> (default 256).</param>
/// <param name="MaxListItems"><c>mesh.envelope.max-list-items</c>: ids in a receipt, ranges in an accept or ack, hops in a trace (default 1024).</param>
/// <param name="MaxChunkSize"><c>mesh.transfers.max-chunk-size</c>: largest chunk, bytes (default 49152).</param>
public sealed record BodyLimits(int MaxChatTextBytes = 4096, int MaxNeighbours = 256, int MaxListItems = 1024, int MaxChunkSize = 49152)
{
    /// <summary>Longest file name, MIME type, cancel text or codec name in UTF-8 bytes.</summary>
    public const int MaxShortTextBytes = 255;

    /// <summary>The defaults.</summary>
    public static BodyLimits Default { get; } = new();
}
