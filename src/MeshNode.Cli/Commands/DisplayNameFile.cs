using System.Text;
using MeshNode.Config;

namespace MeshNode.Cli.Commands;

/// <summary>
/// The display name chosen on a first start, kept in the profile folder (file <c>display-name</c>,
/// one UTF-8 line) so later starts use it. Any name from <c>--name</c> or configuration wins over it.
/// </summary>
internal static class DisplayNameFile
{
    /// <summary>File name inside the profile folder.</summary>
    public const string FileName = "display-name";

    /// <summary>Why <paramref name="name"/> cannot be a display name (the rule of <c>mesh.node.name</c>), or null when it can.</summary>
    /// <param name="name">The trimmed name.</param>
    /// <returns>A reason for the user, or null.</returns>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "a name cannot be empty";
        }

        if (Encoding.UTF8.GetByteCount(name) > NodeSettings.MaxNameLength)
        {
            return $"a name is at most {NodeSettings.MaxNameLength} UTF-8 bytes (mesh.node.name)";
        }

        return name.Any(char.IsControl) ? "a name cannot contain control characters (mesh.node.name)" : null;
    }

    /// <summary>The saved name, or null when there is none or it is not a valid name.</summary>
    /// <param name="profileDirectory">The profile folder.</param>
    /// <returns>The name or null.</returns>
    public static string? Read(string profileDirectory)
    {
        var path = Path.Combine(profileDirectory, FileName);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 1024)
            {
                return null;
            }

            var name = File.ReadAllText(path, Encoding.UTF8).Trim();
            return Problem(name) is null ? name : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Saves the name in the profile folder (created when missing).</summary>
    /// <param name="profileDirectory">The profile folder.</param>
    /// <param name="name">A valid name.</param>
    /// <exception cref="CliUserException">The file cannot be written.</exception>
    public static void Write(string profileDirectory, string name)
    {
        var path = Path.Combine(profileDirectory, FileName);
        try
        {
            Directory.CreateDirectory(profileDirectory);
            File.WriteAllText(path, name + "\n", new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot save the name in '{path}': {ConfigurationErrors.OneLine(ex.Message)}", CliApplication.ExitFailure, ex);
        }
    }
}
