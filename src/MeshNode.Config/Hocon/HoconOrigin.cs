namespace MeshNode.Config.Hocon;

/// <summary>Where a value was written: a file (or source name) with 1-based line and column, or an environment variable.</summary>
internal readonly record struct HoconOrigin(string Source, int Line, int Column)
{
    public static HoconOrigin None { get; } = new("<unknown>", 0, 0);

    public static HoconOrigin Environment(string name) => new("environment variable " + name, 0, 0);

    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
