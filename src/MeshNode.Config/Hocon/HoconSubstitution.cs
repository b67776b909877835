namespace MeshNode.Config.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Prefix"/> is the path of the object an included file
/// was included into: the path is looked up there first, then from the root (HOCON.md, include
/// semantics: substitution).
/// </summary>
internal sealed class HoconSubstitution(HoconOrigin origin, string[] path, bool optional, string[] prefix)
    : HoconValue(origin)
{
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    public string[] Prefix { get; } = prefix;

    public override bool NeedsResolve => true;

    public override bool IsUnmergeable => true;

    public override string ToString() => (Optional ? "${?" : "${") + HoconPath.Render(Path) + "}";
}
