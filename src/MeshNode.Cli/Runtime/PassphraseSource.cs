using System.Security.Cryptography;

namespace MeshNode.Cli.Runtime;

/// <summary>
/// Finds the network passphrase: <c>--passphrase-file</c>, else the <c>MESHNODE_PASSPHRASE</c>
/// variable, else <c>mesh.security.passphrase-file</c>. Never a flag value (it would show in shell
/// history and process listings).
/// </summary>
internal static class PassphraseSource
{
    /// <summary>The environment variable holding the passphrase.</summary>
    public const string EnvironmentVariable = "MESHNODE_PASSPHRASE";

    /// <summary>Longest passphrase file read, in bytes (a passphrase is one short line).</summary>
    public const int MaxFileBytes = 4096;

    /// <summary>Reads the passphrase, or null when none is given.</summary>
    /// <param name="flagFile">The <c>--passphrase-file</c> value.</param>
    /// <param name="configFile">The <c>mesh.security.passphrase-file</c> setting.</param>
    /// <param name="environment">The process environment.</param>
    /// <returns>The passphrase characters (the caller zeroes them), or null.</returns>
    /// <exception cref="CliUserException">The file cannot be read or holds no passphrase.</exception>
    public static char[]? Read(string? flagFile, string? configFile, IReadOnlyDictionary<string, string> environment)
    {
        if (flagFile is not null)
        {
            return ReadFile(flagFile, "--passphrase-file");
        }

        if (environment.TryGetValue(EnvironmentVariable, out var value) && value.Length > 0)
        {
            return value.ToCharArray();
        }

        return configFile is null ? null : ReadFile(configFile, "mesh.security.passphrase-file");
    }

    private static char[] ReadFile(string path, string source)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CliUserException($"passphrase file '{path}' ({source}) does not exist");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new CliUserException($"passphrase file '{path}' ({source}) is larger than {MaxFileBytes} bytes; it should hold one line");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot read passphrase file '{path}' ({source}): {ex.Message}");
        }

        try
        {
            var chars = System.Text.Encoding.UTF8.GetChars(bytes);
            var end = Array.IndexOf(chars, '\n');
            var length = end < 0 ? chars.Length : end;
            if (length > 0 && chars[length - 1] == '\r')
            {
                length--;
            }

            if (length == 0)
            {
                CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars.AsSpan()));
                throw new CliUserException($"passphrase file '{path}' ({source}) is empty; its first line is the passphrase");
            }

            var passphrase = chars[..length];
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars.AsSpan()));
            return passphrase;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
