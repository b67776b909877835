namespace MeshNode.Cli.Commands;

/// <summary>Resolves the <c>--profile</c> value and the files inside a profile folder.</summary>
internal static class ProfilePaths
{
    /// <summary>File name of the node's identity key inside the profile folder (docs/protocol.md).</summary>
    public const string IdentityFileName = "identity.key";

    /// <summary>
    /// A value with a path separator, a leading "~" or "." is a folder; a bare name is a folder of
    /// that name under the user's local data folder (<c>LocalApplicationData/meshnode/NAME</c>).
    /// </summary>
    /// <param name="value">The <c>--profile</c> value.</param>
    /// <returns>The folder path (possibly starting with "~", which the configuration expands).</returns>
    public static string Resolve(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new CliUserException("--profile needs a folder or a profile name", CliApplication.ExitUsage);
        }

        var isPath = value.StartsWith('~') || value.StartsWith('.') || Path.IsPathRooted(value)
            || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
        if (isPath)
        {
            return value;
        }

        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(data, "meshnode", value);
    }
}
