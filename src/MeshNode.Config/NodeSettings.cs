namespace MeshNode.Config;

/// <summary>Who this node is and where it keeps its files (<c>mesh.node</c>).</summary>
public sealed record NodeSettings
{
    /// <summary>Longest name, in UTF-8 bytes: the name travels in every discovery announcement.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Name shown to other people (at most 64 UTF-8 bytes, no control characters); the machine's host name when hocon.conf leaves it empty.</summary>
    public required string Name { get; init; }

    /// <summary>Absolute folder for the identity key, trust list and store ("~" already expanded).</summary>
    public required string ProfileDirectory { get; init; }

    /// <summary>Node events buffered for a slow reader (16-1048576); beyond it the oldest are dropped.</summary>
    public required int EventBuffer { get; init; }

    /// <summary>Longest a command waits for the node's answer (at least 100 ms).</summary>
    public required TimeSpan CommandTimeout { get; init; }

    internal static NodeSettings Read(SettingsReader r)
    {
        var name = r.String("mesh.node.name").Trim();
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameLength || name.Any(char.IsControl))
        {
            r.Fail("mesh.node.name", $"must be at most {MaxNameLength} UTF-8 bytes without control characters, got \"{(name.Length > MaxNameLength ? name[..MaxNameLength] + "..." : name)}\"");
        }

        var profile = r.String("mesh.node.profile-dir");
        if (profile.Length == 0)
        {
            r.Fail("mesh.node.profile-dir", "must be a folder path, got \"\"");
        }

        return new NodeSettings
        {
            Name = name.Length > 0 ? name : Environment.MachineName,
            ProfileDirectory = Path.GetFullPath(SettingsReader.ExpandHome(profile.Length > 0 ? profile : ".")),
            EventBuffer = r.Integer("mesh.node.event-buffer", 16, 1_048_576),
            CommandTimeout = r.Duration("mesh.node.command-timeout", TimeSpan.FromMilliseconds(100)),
        };
    }
}
