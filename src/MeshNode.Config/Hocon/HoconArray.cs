namespace MeshNode.Config.Hocon;

/// <summary>An array of values.</summary>
internal sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;
    private bool _needsResolve;
    private int _depth = 1;

    public HoconArray(HoconOrigin origin, List<HoconValue>? items = null)
        : base(origin)
    {
        _items = items ?? [];
        foreach (var item in _items)
        {
            _needsResolve |= item.NeedsResolve;
            _depth = Math.Max(_depth, item.Depth + 1);
        }
    }

    public IReadOnlyList<HoconValue> Items => _items;

    public override bool NeedsResolve => _needsResolve;

    public override int Depth => _depth;

    public void Add(HoconValue value)
    {
        _items.Add(value);
        _needsResolve |= value.NeedsResolve;
        _depth = Math.Max(_depth, value.Depth + 1);
    }
}
