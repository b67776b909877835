using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Cli.Commands;

/// <summary>Loads or creates identity files, reporting failures as one-line user errors.</summary>
internal static class IdentityFiles
{
    /// <summary>Loads the identity at <paramref name="path"/> or creates it (owner-only) when missing.</summary>
    /// <param name="path">The identity file path.</param>
    /// <returns>The identity; the caller disposes it.</returns>
    /// <exception cref="CliUserException">The file exists but cannot be used, or cannot be written.</exception>
    public static NodeIdentity LoadOrCreate(string path)
    {
        try
        {
            return NodeIdentityFile.LoadOrCreate(path, SystemRandomSource.Instance);
        }
        catch (IdentityFileException ex)
        {
            throw new CliUserException(ConfigurationErrors.OneLine(ex.Message), CliApplication.ExitFailure, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot use identity file '{path}': {ConfigurationErrors.OneLine(ex.Message)}", CliApplication.ExitFailure, ex);
        }
    }
}
