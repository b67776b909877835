namespace MeshNode.Config.Hocon;

/// <summary>
/// A node of the HOCON value tree. Parsing yields a tree that may still contain substitutions,
/// concatenations and delayed merges; <see cref="HoconResolver"/> turns it into a tree of objects,
/// arrays and scalars only.
/// </summary>
internal abstract class HoconValue(HoconOrigin origin)
{
    public HoconOrigin Origin { get; } = origin;

    /// <summary>True when this node or a node below it still needs substitution resolution.</summary>
    public abstract bool NeedsResolve { get; }

    /// <summary>Substitution, concatenation with a substitution, or delayed merge: cannot merge until resolved.</summary>
    public virtual bool IsUnmergeable => false;

    /// <summary>Nesting depth of objects and arrays below this node (0 for a scalar); bounds every recursive walk.</summary>
    public virtual int Depth => 0;
}
