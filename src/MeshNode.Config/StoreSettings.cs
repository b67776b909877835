namespace MeshNode.Config;

/// <summary>The local store of history, peers and transfer state (<c>mesh.store</c>).</summary>
public sealed record StoreSettings
{
    /// <summary>Absolute path of the SQLite database; meshnode.db in the profile folder by default.</summary>
    public required string Path { get; init; }

    /// <summary>When true nothing is written to disk and no history survives a restart.</summary>
    public required bool Ephemeral { get; init; }

    internal static StoreSettings Read(SettingsReader r, NodeSettings node)
    {
        var path = r.String("mesh.store.path").Trim();
        return new StoreSettings
        {
            Path = path.Length == 0
                ? System.IO.Path.Combine(node.ProfileDirectory, "meshnode.db")
                : System.IO.Path.GetFullPath(SettingsReader.ExpandHome(path)),
            Ephemeral = r.Boolean("mesh.store.ephemeral"),
        };
    }
}
