namespace MeshNode.Actors;

/// <summary>
/// Makes the actor throw <see cref="ActorKilledException"/> when processed, so its supervisor decides (the default
/// strategy stops it).
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
