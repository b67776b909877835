namespace MeshNode.Config.Hocon;

/// <summary>Marks "nothing below" when a self-reference looks past the bottom of a merge stack.</summary>
internal sealed class HoconUndefined : HoconValue
{
    private HoconUndefined()
        : base(HoconOrigin.None)
    {
    }

    public static HoconUndefined Instance { get; } = new();

    public override bool NeedsResolve => true;

    public override bool IsUnmergeable => true;
}
