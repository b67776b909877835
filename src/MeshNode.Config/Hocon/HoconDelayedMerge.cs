namespace MeshNode.Config.Hocon;

/// <summary>
/// Values assigned to one field that cannot be merged before resolution, newest first. Each
/// unmergeable element sees only the elements below it when it refers to its own field, which is
/// how self-references such as <c>path = ${path} [ /usr/bin ]</c> look back (HOCON.md,
/// self-referential substitutions).
/// </summary>
internal sealed class HoconDelayedMerge(HoconOrigin origin, List<HoconValue> stack) : HoconValue(origin)
{
    public List<HoconValue> Stack { get; } = stack;

    public override bool NeedsResolve => true;

    public override bool IsUnmergeable => true;
}
