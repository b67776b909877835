namespace MeshNode.Protocol.Framing;

/// <summary>Bounds applied while decoding link frames; each comes from the setting named beside it.</summary>
/// <param name="MaxFrameSize">Largest LinkFrame plaintext, bytes: <c>mesh.link.max-frame-size</c> minus the 16-byte Noise tag (default 65519).</param>
/// <param name="MaxExchangedPeers"><c>mesh.link.max-exchanged-peers</c>: entries in one peer exchange (default 64).</param>
public sealed record LinkFrameLimits(int MaxFrameSize = LinkFrameLimits.DefaultMaxFrameSize, int MaxExchangedPeers = 64)
{
    /// <summary>65535 (largest Noise message) minus the 16-byte AEAD tag.</summary>
    public const int DefaultMaxFrameSize = 65519;

    /// <summary>Setting name for <see cref="MaxExchangedPeers"/>.</summary>
    public const string MaxExchangedPeersSetting = "mesh.link.max-exchanged-peers";

    /// <summary>Endpoints accepted per peer (announce and peer exchange alike).</summary>
    public const int MaxEndpointsPerPeer = 8;

    /// <summary>Longest close text in UTF-8 bytes.</summary>
    public const int MaxCloseTextBytes = 256;

    /// <summary>
    /// Entries in one broadcast digest or pull. Fixed by the protocol rather than a setting so every
    /// node accepts what every other node sends; a sender splits longer lists over several frames.
    /// </summary>
    public const int MaxBroadcastRefs = 256;

    /// <summary>How errors name <see cref="MaxBroadcastRefs"/>.</summary>
    public const string MaxBroadcastRefsName = "the protocol limit of broadcast entries per frame";

    /// <summary>Longest signed announce carried in a peer exchange entry.</summary>
    public const int MaxAnnounceBytes = 1024;

    /// <summary>The defaults.</summary>
    public static LinkFrameLimits Default { get; } = new();
}
