using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Identity;

/// <summary>
/// Keeps a <see cref="NodeIdentity"/> in a file: 69 bytes, ASCII "MNID", version byte 1, the 32-byte
/// Ed25519 seed, the 32-byte X25519 private key. Created owner-only (0600, its folder 0700 when
/// created here) by writing a temporary file and renaming it. On Unix a file that group or others
/// may read is refused, not silently fixed: the key may already have leaked, and the owner should
/// know (the error says to run chmod 600 or delete the file to make a new identity).
/// </summary>
public static class NodeIdentityFile
{
    /// <summary>Exact file size in bytes.</summary>
    public const int FileSize = 4 + 1 + 32 + 32;

    private const byte FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "MNID"u8;

    /// <summary>Loads the identity at <paramref name="path"/>, or creates and saves a new one when the file does not exist.</summary>
    /// <exception cref="IdentityFileException">The file exists but cannot be used.</exception>
    public static NodeIdentity LoadOrCreate(string path, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return Load(path);
        }

        var identity = NodeIdentity.Generate(random);
        try
        {
            Save(identity, path);
        }
        catch
        {
            identity.Dispose();
            throw;
        }

        return identity;
    }

    /// <summary>Loads the identity at <paramref name="path"/>.</summary>
    /// <exception cref="IdentityFileException">Missing, group/world-accessible, wrong size or wrong format.</exception>
    public static NodeIdentity Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            {
                throw new IdentityFileException(
                    $"Identity file '{path}' is accessible by other users (mode {Convert.ToString((int)mode, 8)}); " +
                    $"run 'chmod 600 {path}' if you are sure nobody copied it, or delete it to make a new identity.");
            }
        }

        var buffer = new byte[FileSize + 1];
        try
        {
            int read;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IdentityFileException($"Identity file '{path}' cannot be read: {ex.Message}", ex);
            }

            if (read != FileSize)
            {
                throw new IdentityFileException(
                    $"Identity file '{path}' has the wrong size (expected {FileSize} bytes); it is not a MeshNode identity or is damaged.");
            }

            if (!buffer.AsSpan(0, 4).SequenceEqual(Magic) || buffer[4] != FormatVersion)
            {
                throw new IdentityFileException($"Identity file '{path}' is not a MeshNode identity (version {FormatVersion}).");
            }

            return NodeIdentity.FromSecrets(buffer.AsSpan(5, 32), buffer.AsSpan(37, 32));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Writes <paramref name="identity"/> to <paramref name="path"/> with owner-only permissions, replacing any file there.</summary>
    public static void Save(NodeIdentity identity, string path)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var buffer = new byte[FileSize];
        var temp = full + ".tmp";
        try
        {
            Magic.CopyTo(buffer);
            buffer[4] = FormatVersion;
            identity.Seed.CopyTo(buffer.AsSpan(5));
            identity.SealingPrivateKey.CopyTo(buffer.AsSpan(37));
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(buffer);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode only applies when the file is new; a stale temp file keeps its mode.
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
