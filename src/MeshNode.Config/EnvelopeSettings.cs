namespace MeshNode.Config;

/// <summary>Bounds on envelopes accepted from the network (<c>mesh.envelope</c>).</summary>
public sealed record EnvelopeSettings
{
    /// <summary>Bytes kept free in a link frame for the Noise tag and the frame's own fields.</summary>
    public const int FrameOverhead = 64;

    /// <summary>Largest encoded signed envelope, bytes; fits one link frame.</summary>
    public required int MaxSize { get; init; }

    /// <summary>Largest hop limit accepted or set (1-255); at least <c>mesh.router.hop-limit</c>.</summary>
    public required int MaxHopLimit { get; init; }

    /// <summary>Most items in one list inside a body (receipt ids, acknowledged ranges, trace hops).</summary>
    public required int MaxListItems { get; init; }

    internal static EnvelopeSettings Read(SettingsReader r, LinkSettings link, RouterSettings router)
    {
        var maxSize = r.Size("mesh.envelope.max-size", 256, LinkSettings.NoiseMaxMessageLength - FrameOverhead);
        if (maxSize > link.MaxFrameSize - FrameOverhead)
        {
            r.Fail("mesh.envelope.max-size", $"must fit one link frame: at most mesh.link.max-frame-size ({link.MaxFrameSize}) minus {FrameOverhead} bytes, got {maxSize} bytes");
        }

        var maxHops = r.Integer("mesh.envelope.max-hop-limit", 1, 255);
        if (router.HopLimit > maxHops)
        {
            r.Fail("mesh.router.hop-limit", $"must not exceed mesh.envelope.max-hop-limit ({maxHops}), got {router.HopLimit}");
        }

        return new EnvelopeSettings
        {
            MaxSize = maxSize,
            MaxHopLimit = maxHops,
            MaxListItems = r.Integer("mesh.envelope.max-list-items", 1, 65536),
        };
    }
}
