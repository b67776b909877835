namespace MeshNode.Cli.Commands;

/// <summary>Resolves the <c>--profile</c> value and the files inside a profile folder.</summary>
internal static class ProfilePaths
{
    /// <summary>File name of the node's identity key inside the profile folder (docs/protocol.md).</summary>
    public const string IdentityFileName = "identity.key";

    /// <summary>
    /// A value with a path separator, a leading "~" or "." is a folder; a bare name is a folder of
    /// that name under the user's local data folder (<c>LocalApplicationData/meshnode/NAME</c>), the
    /// same rule <c>mesh.node.profile-dir</c> follows (its default, <c>default</c>, is
    /// <c>~/.local/share/meshnode/default</c> on Linux).
    /// </summary>
    /// <param name="value">The <c>--profile</c> value.</param>
    /// <returns>The folder path (possibly starting with "~", which the configuration expands).</returns>
    public static string Resolve(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUserException("--profile needs a folder or a profile name", CliApplication.ExitUsage);
        }

        return MeshNode.Config.NodeSettings.ResolveProfileDirectory(value);
    }
}
