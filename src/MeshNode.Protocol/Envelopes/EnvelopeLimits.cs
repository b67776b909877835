namespace MeshNode.Protocol.Envelopes;

/// <summary>Bounds on envelopes; each comes from the setting named beside it.</summary>
/// <param name="MaxEnvelopeSize"><c>mesh.envelope.max-size</c>: largest encoded SignedEnvelope, bytes (default 65000, so it fits one link frame).</param>
/// <param name="MaxHopLimit"><c>mesh.envelope.max-hop-limit</c>: largest hop limit accepted or set (default 16).</param>
public sealed record EnvelopeLimits(int MaxEnvelopeSize = 65000, uint MaxHopLimit = 16)
{
    /// <summary>Setting name for <see cref="MaxEnvelopeSize"/>.</summary>
    public const string MaxEnvelopeSizeSetting = "mesh.envelope.max-size";

    /// <summary>Setting name for <see cref="MaxHopLimit"/>.</summary>
    public const string MaxHopLimitSetting = "mesh.envelope.max-hop-limit";

    /// <summary>The defaults.</summary>
    public static EnvelopeLimits Default { get; } = new();
}
