namespace MeshNode.Config;

/// <summary>File transfers: where files land, chunking and flow control (<c>mesh.transfers</c>).</summary>
public sealed record TransferSettings
{
    /// <summary>Reserved per chunk for the envelope, signature and AEAD tag around the file data.</summary>
    public const int ChunkOverhead = 1024;

    /// <summary>Absolute folder where verified files appear ("~" already expanded).</summary>
    public required string DownloadsFolder { get; init; }

    /// <summary>Bytes of file data per chunk (1 KiB up to <c>mesh.link.max-frame-size</c> minus <see cref="ChunkOverhead"/>).</summary>
    public required int ChunkSize { get; init; }

    /// <summary>Largest chunk accepted from a sender, bytes (1 KiB-65535); <see cref="ChunkSize"/> may not exceed it.</summary>
    public required int MaxChunkSize { get; init; }

    /// <summary>Chunks in flight per transfer before the sender waits (1-4096).</summary>
    public required int Window { get; init; }

    internal static TransferSettings Read(SettingsReader r, LinkSettings link)
    {
        var folder = r.String("mesh.transfers.downloads-folder").Trim();
        if (folder.Length == 0)
        {
            r.Fail("mesh.transfers.downloads-folder", "must be a folder path, got \"\"");
        }

        var chunk = r.Size("mesh.transfers.chunk-size", 1024, LinkSettings.NoiseMaxMessageLength - ChunkOverhead);
        if (chunk > link.MaxFrameSize - ChunkOverhead)
        {
            r.Fail("mesh.transfers.chunk-size", $"must leave {ChunkOverhead} bytes of mesh.link.max-frame-size ({link.MaxFrameSize}) for the envelope, got {chunk} bytes");
        }

        var maxChunk = r.Size("mesh.transfers.max-chunk-size", 1024, LinkSettings.NoiseMaxMessageLength);
        if (chunk > maxChunk)
        {
            r.Fail("mesh.transfers.chunk-size", $"must not exceed mesh.transfers.max-chunk-size ({maxChunk} bytes), got {chunk} bytes");
        }

        return new TransferSettings
        {
            MaxChunkSize = maxChunk,
            DownloadsFolder = Path.GetFullPath(SettingsReader.ExpandHome(folder.Length > 0 ? folder : ".")),
            ChunkSize = chunk,
            Window = r.Integer("mesh.transfers.window", 1, 4096),
        };
    }
}
