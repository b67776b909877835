namespace MeshNode.Config;

/// <summary>TCP links between nodes: handshake, keepalive, reconnection and framing bounds (<c>mesh.link</c>).</summary>
public sealed record LinkSettings
{
    /// <summary>Largest frame the Noise protocol allows (Noise rev 34, section 3): the upper bound of <see cref="MaxFrameSize"/>.</summary>
    public const int NoiseMaxMessageLength = 65535;

    /// <summary>TCP port that accepts links (0-65535; 0 lets the operating system pick).</summary>
    public required int Port { get; init; }

    /// <summary>Longest time a new connection may take to complete the Noise handshake.</summary>
    public required TimeSpan HandshakeTimeout { get; init; }

    /// <summary>
    /// Inbound connections that may be in their handshake at once (1-100,000); further connections
    /// are closed at once and warned about, so idle connections cannot hold a socket each.
    /// </summary>
    public required int MaxPendingHandshakes { get; init; }

    /// <summary>Time between keepalive frames on an idle link (also used to measure RTT).</summary>
    public required TimeSpan KeepaliveInterval { get; init; }

    /// <summary>Silence after which a link is closed as dead; longer than <see cref="KeepaliveInterval"/>.</summary>
    public required TimeSpan DeadLinkTimeout { get; init; }

    /// <summary>First reconnection delay; doubles per failure.</summary>
    public required TimeSpan ReconnectMinBackoff { get; init; }

    /// <summary>Largest reconnection delay; at least <see cref="ReconnectMinBackoff"/>.</summary>
    public required TimeSpan ReconnectMaxBackoff { get; init; }

    /// <summary>Random factor (0-1) by which each backoff delay may be lengthened.</summary>
    public required double ReconnectJitter { get; init; }

    /// <summary>Largest frame accepted or sent, in bytes (64-65535). A longer length prefix closes the link; errors name <c>mesh.link.max-frame-size</c>.</summary>
    public required int MaxFrameSize { get; init; }

    /// <summary>Frames that may wait to be written on one link; beyond it traffic is dropped and counted.</summary>
    public required int SendQueueCapacity { get; init; }

    /// <summary>Most peers accepted in one peer-exchange message (1-4096).</summary>
    public required int MaxExchangedPeers { get; init; }

    /// <summary>
    /// Envelope frames this node lets a peer send before it grants more (1-1,000,000): the credit
    /// granted in the first FlowCredit frame of every link, and the window topped up afterwards.
    /// </summary>
    public required int InitialCreditFrames { get; init; }

    /// <summary>
    /// Envelope bytes this node lets a peer send before it grants more; large enough that the part
    /// not yet topped up (<c>1 - </c><see cref="CreditGrantThreshold"/>) holds one frame of <see cref="MaxFrameSize"/>,
    /// so a sender waiting for credit is always topped up.
    /// </summary>
    public required int InitialCreditBytes { get; init; }

    /// <summary>
    /// Fraction (0.01-0.99) of the initial credit a peer must use, in frames or in bytes, before this node
    /// grants it back with a FlowCredit frame.
    /// </summary>
    public required double CreditGrantThreshold { get; init; }

    internal static LinkSettings Read(SettingsReader r)
    {
        var keepalive = r.Duration("mesh.link.keepalive-interval", TimeSpan.FromMilliseconds(10));
        var dead = r.Duration("mesh.link.dead-link-timeout", TimeSpan.FromMilliseconds(10));
        if (dead <= keepalive)
        {
            r.Fail("mesh.link.dead-link-timeout", $"must be longer than mesh.link.keepalive-interval ({keepalive.TotalMilliseconds} ms), got {dead.TotalMilliseconds} ms");
        }

        var minBackoff = r.Duration("mesh.link.reconnect-min-backoff", TimeSpan.FromMilliseconds(1));
        var maxBackoff = r.Duration("mesh.link.reconnect-max-backoff", TimeSpan.FromMilliseconds(1));
        if (maxBackoff < minBackoff)
        {
            r.Fail("mesh.link.reconnect-max-backoff", $"must be at least mesh.link.reconnect-min-backoff ({minBackoff.TotalMilliseconds} ms), got {maxBackoff.TotalMilliseconds} ms");
        }

        var maxFrameSize = r.Size("mesh.link.max-frame-size", 64, NoiseMaxMessageLength);
        var creditBytes = r.Size("mesh.link.initial-credit-bytes", 1024, int.MaxValue);
        var threshold = r.Number("mesh.link.credit-grant-threshold", 0.01, 0.99);
        if (creditBytes * (1 - threshold) < maxFrameSize)
        {
            r.Fail(
                "mesh.link.initial-credit-bytes",
                $"must be at least mesh.link.max-frame-size ({maxFrameSize} bytes) / (1 - mesh.link.credit-grant-threshold ({threshold})) so a sender waiting for credit is always topped up, got {creditBytes} bytes");
        }

        return new LinkSettings
        {
            Port = r.Integer("mesh.link.port", 0, 65535),
            HandshakeTimeout = r.Duration("mesh.link.handshake-timeout", TimeSpan.FromMilliseconds(10)),
            MaxPendingHandshakes = r.Integer("mesh.link.max-pending-handshakes", 1, 100_000),
            KeepaliveInterval = keepalive,
            DeadLinkTimeout = dead,
            ReconnectMinBackoff = minBackoff,
            ReconnectMaxBackoff = maxBackoff,
            ReconnectJitter = r.Number("mesh.link.reconnect-jitter", 0, 1),
            MaxFrameSize = maxFrameSize,
            SendQueueCapacity = r.Integer("mesh.link.send-queue-capacity", 1, 1_000_000),
            MaxExchangedPeers = r.Integer("mesh.link.max-exchanged-peers", 1, 4096),
            InitialCreditFrames = r.Integer("mesh.link.initial-credit-frames", 1, 1_000_000),
            InitialCreditBytes = creditBytes,
            CreditGrantThreshold = threshold,
        };
    }
}
