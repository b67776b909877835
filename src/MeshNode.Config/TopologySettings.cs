namespace MeshNode.Config;

/// <summary>The link-state topology (<c>mesh.topology</c>).</summary>
public sealed record TopologySettings
{
    /// <summary>Most neighbours accepted in one node's link-state record (1-4096).</summary>
    public required int MaxNeighbours { get; init; }

    internal static TopologySettings Read(SettingsReader r) => new()
    {
        MaxNeighbours = r.Integer("mesh.topology.max-neighbours", 1, 4096),
    };
}
