namespace MeshNode.Actors;

/// <summary>
/// The location of an actor in its system's hierarchy. Its string form (<c>/user/node/links/peer-3f2a</c>) is what
/// every log event and every kernel error shows.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    private ActorPath(ActorPath? parent, string name)
    {
        Parent = parent;
        Name = name;
    }

    /// <summary>The root path <c>/</c>.</summary>
    public static ActorPath Root { get; } = new(null, string.Empty);

    /// <summary>The last element of the path (the actor's name); empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The path of a child with the given name.</summary>
    public ActorPath Child(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ActorPath(this, name);
    }

    /// <summary>The path elements from the root down, without the root itself.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                list.Add(p.Name);
            }

            list.Reverse();
            return list;
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        return _text ??= Parent is null ? "/" : Parent.Parent is null ? "/" + Name : Parent + "/" + Name;
    }

    /// <inheritdoc/>
    public bool Equals(ActorPath? other)
    {
        return other is not null && (ReferenceEquals(this, other) || ToString() == other.ToString());
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
