namespace MeshNode.Config.Hocon;

/// <summary>A value concatenation that contains at least one substitution, kept until resolution.</summary>
internal sealed class HoconConcatenation(HoconOrigin origin, List<HoconValue> parts) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Parts { get; } = parts;

    public override bool NeedsResolve => true;

    public override bool IsUnmergeable => true;
}
