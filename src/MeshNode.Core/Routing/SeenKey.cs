namespace MeshNode.Core.Routing;

/// <summary>
/// A (origin, message id) pair side by side: 32 bytes, no object. The hash goes through
/// <see cref="HashCode"/>, which is seeded per process, so a peer cannot pick ids that collide.
/// </summary>
internal readonly struct SeenKey(NodeKey origin, MessageId id) : IEquatable<SeenKey>
{
    public NodeKey Origin { get; } = origin;

    public MessageId Id { get; } = id;

    public bool Equals(SeenKey other) => Origin == other.Origin && Id == other.Id;

    public override bool Equals(object? obj) => obj is SeenKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Origin.High, Origin.Low, Id.High, Id.Low);
}
