namespace MeshNode.Config.Hocon;

/// <summary>An object: fields in the order they were first defined. Mutated only while parsing.</summary>
internal sealed class HoconObject(HoconOrigin origin) : HoconValue(origin)
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private bool _needsResolve;
    private int _depth = 1;

    public override bool NeedsResolve => _needsResolve;

    public override int Depth => _depth;

    public int Count => _fields.Count;

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    public IEnumerable<string> Keys => _fields.Keys;

    public HoconValue? Get(string key) => _fields.TryGetValue(key, out var v) ? v : null;

    public void Set(string key, HoconValue value)
    {
        _fields[key] = value;
        _needsResolve |= value.NeedsResolve;
        _depth = Math.Max(_depth, value.Depth + 1);
    }

    /// <summary>Follows a path of keys through nested objects; null when any step is missing or not an object.</summary>
    public HoconValue? GetPath(IReadOnlyList<string> path)
    {
        HoconValue? node = this;
        foreach (var key in path)
        {
            node = (node as HoconObject)?.Get(key);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
