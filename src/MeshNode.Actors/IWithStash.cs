namespace MeshNode.Actors;

/// <summary>Implement on an actor to get a stash; the kernel sets <see cref="Stash"/> before the constructor body runs.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash (set by the kernel; do not replace it).</summary>
    IStash Stash { get; set; }
}
