using System.Security.Cryptography;
using MeshNode.Config;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Cli.Runtime;

/// <summary>
/// Makes the network key in passphrase mode (docs/protocol.md section 5). The salt comes from
/// <c>--network-salt</c>, else the <c>mesh.network.salt</c> setting, else the profile's
/// <c>network.salt</c>; a node with none of them creates the
/// network: a new salt, saved in the profile (not with <c>--ephemeral</c>) and shown on stderr so
/// joiners can be given it.
/// </summary>
internal static class NetworkKeys
{
    /// <summary>File in the profile folder holding the network's 16-byte salt.</summary>
    public const string SaltFileName = "network.salt";

    /// <summary>Derives the key, or returns null on an open network.</summary>
    /// <param name="passphrase">The passphrase, or null; zeroed here.</param>
    /// <param name="settings">The settings (mode and iterations).</param>
    /// <param name="saltText">The <c>--network-salt</c> value (base64url), or null.</param>
    /// <param name="profileDirectory">The profile folder, or null when ephemeral.</param>
    /// <param name="notices">Where the new salt is announced.</param>
    /// <returns>The key, or null.</returns>
    /// <exception cref="CliUserException">Passphrase mode without a passphrase, a bad salt, or a failed derivation.</exception>
    public static NetworkKey? Create(char[]? passphrase, MeshSettings settings, string? saltText, string? profileDirectory, TextWriter notices)
    {
        try
        {
            if (passphrase is null)
            {
                if (settings.Security.Mode == SecurityMode.Passphrase)
                {
                    throw new CliUserException($"mesh.security.mode is passphrase but no passphrase was given: use --passphrase-file FILE or the {PassphraseSource.EnvironmentVariable} variable");
                }

                return null;
            }

            var salt = saltText is null && settings.Network.Salt is { } configured
                ? configured
                : ReadSalt(saltText, profileDirectory, notices);
            try
            {
                return NetworkKey.Derive(passphrase, salt, settings.Security.Pbkdf2Iterations);
            }
            catch (ArgumentException ex)
            {
                throw new CliUserException("cannot derive the network key: " + ex.Message + " (see mesh.security.pbkdf2-iterations)");
            }
        }
        finally
        {
            if (passphrase is not null)
            {
                CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(passphrase.AsSpan()));
            }
        }
    }

    private static byte[] ReadSalt(string? saltText, string? profileDirectory, TextWriter notices)
    {
        if (saltText is not null)
        {
            return DecodeSalt(saltText, "--network-salt");
        }

        var path = profileDirectory is null ? null : Path.Combine(profileDirectory, SaltFileName);
        if (path is not null && File.Exists(path))
        {
            var saved = File.ReadAllBytes(path);
            return saved.Length == 16 ? saved : throw new CliUserException($"'{path}' must hold 16 bytes, found {saved.Length}; delete it to create a new network");
        }

        var salt = NetworkKey.NewSalt(SystemRandomSource.Instance);
        if (path is not null)
        {
            Directory.CreateDirectory(profileDirectory!);
            File.WriteAllBytes(path, salt);
        }

        notices.WriteLine($"meshnode: created a new network; joiners need --network-salt {Base64Url(salt)} (or mesh.network.salt)");
        return salt;
    }

    private static byte[] DecodeSalt(string text, string source)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var salt = Convert.FromBase64String(padded);
            return salt.Length == 16 ? salt : throw new CliUserException($"{source} must be 16 bytes in base64url (22 characters), got {salt.Length} bytes");
        }
        catch (FormatException)
        {
            throw new CliUserException($"{source} is not base64url");
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
