namespace MeshNode.Config;

/// <summary>Who this node is and where it keeps its files (<c>mesh.node</c>).</summary>
public sealed record NodeSettings
{
    /// <summary>Longest name, in UTF-8 bytes: the name travels in every discovery announcement.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Name shown to other people (at most 64 UTF-8 bytes, no control characters); the machine's host name when hocon.conf leaves it empty.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Absolute folder for the identity key, trust list and store ("~" already expanded; a bare
    /// name resolved under the user's data folder, see <see cref="ResolveProfileDirectory"/>).
    /// </summary>
    public required string ProfileDirectory { get; init; }

    /// <summary>Node events buffered for a slow reader (16-1048576); beyond it the oldest are dropped.</summary>
    public required int EventBuffer { get; init; }

    /// <summary>Longest a command waits for the node's answer (at least 100 ms).</summary>
    public required TimeSpan CommandTimeout { get; init; }

    /// <summary>The profile used when none is named (<c>mesh.node.profile-dir</c> default).</summary>
    public const string DefaultProfileName = "default";

    /// <summary>
    /// The user's data folder for profiles: <c>LocalApplicationData/meshnode</c>
    /// (<c>~/.local/share/meshnode</c> on Linux, or <c>$XDG_DATA_HOME/meshnode</c> when set).
    /// </summary>
    public static string ProfilesRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "meshnode");

    /// <summary>
    /// Resolves a profile value: one with a path separator, a leading "~" or "." or a rooted path
    /// is a folder (returned as given; "~" is expanded later); a bare name such as <c>work</c> is
    /// the folder of that name under <see cref="ProfilesRoot"/>.
    /// </summary>
    /// <param name="value">A profile name or folder, not empty.</param>
    /// <returns>The folder (possibly starting with "~").</returns>
    /// <exception cref="ArgumentException">The value is empty or blank.</exception>
    public static string ResolveProfileDirectory(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var isPath = value.StartsWith('~') || value.StartsWith('.') || Path.IsPathRooted(value)
            || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
        return isPath ? value : Path.Combine(ProfilesRoot, value);
    }

    /// <summary>Longest a trace waits for the traced node's reply (at least 100 ms).</summary>
    public required TimeSpan TraceTimeout { get; init; }

    /// <summary>Trace requests this node answers per second, all requesters together (1-10000).</summary>
    public required int TraceRepliesPerSecond { get; init; }

    internal static NodeSettings Read(SettingsReader r)
    {
        var name = r.String("mesh.node.name").Trim();
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameLength || name.Any(char.IsControl))
        {
            r.Fail("mesh.node.name", $"must be at most {MaxNameLength} UTF-8 bytes without control characters, got \"{(name.Length > MaxNameLength ? name[..MaxNameLength] + "..." : name)}\"");
        }

        var profile = r.String("mesh.node.profile-dir").Trim();
        if (profile.Length == 0)
        {
            r.Fail("mesh.node.profile-dir", "must be a folder path, got \"\"");
        }

        return new NodeSettings
        {
            Name = name.Length > 0 ? name : Environment.MachineName,
            ProfileDirectory = Path.GetFullPath(SettingsReader.ExpandHome(ResolveProfileDirectory(profile.Length > 0 ? profile : DefaultProfileName))),
            EventBuffer = r.Integer("mesh.node.event-buffer", 16, 1_048_576),
            CommandTimeout = r.Duration("mesh.node.command-timeout", TimeSpan.FromMilliseconds(100)),
            TraceTimeout = r.Duration("mesh.node.trace-timeout", TimeSpan.FromMilliseconds(100)),
            TraceRepliesPerSecond = r.Integer("mesh.node.trace-replies-per-second", 1, 10_000),
        };
    }
}
