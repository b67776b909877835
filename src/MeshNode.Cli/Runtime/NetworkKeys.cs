using System.Security.Cryptography;
using MeshNode.Config;
using MeshNode.Core.Discovery;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Cli.Runtime;

/// <summary>
/// Makes the network key in passphrase mode (docs/protocol.md section 5). The salt comes from
/// <c>--network-salt</c>, else the <c>mesh.network.salt</c> setting, else the profile's
/// <c>network.salt</c>. A node with none of them first listens for up to
/// <c>mesh.network.salt-listen</c> on the discovery port and joins the network whose signed
/// announces carry a salt that, with its passphrase, gives their tag (at most
/// <c>mesh.network.max-salt-trials</c> salts derived); only when none is heard does it create the
/// network. A learned or new salt is saved in the profile (not with <c>--ephemeral</c>) and what
/// happened is said on stderr.
/// </summary>
internal static class NetworkKeys
{
    /// <summary>File in the profile folder holding the network's 16-byte salt.</summary>
    public const string SaltFileName = "network.salt";

    /// <summary>Derives the key, or returns null on an open network; blocks for the salt listen when it runs.</summary>
    /// <param name="passphrase">The passphrase, or null; zeroed here.</param>
    /// <param name="settings">The settings (mode, iterations, salt, discovery port, salt listen).</param>
    /// <param name="saltText">The <c>--network-salt</c> value (base64url), or null.</param>
    /// <param name="profileDirectory">The profile folder, or null when ephemeral.</param>
    /// <param name="notices">Where the learned or new salt is announced.</param>
    /// <returns>The key, or null.</returns>
    /// <exception cref="CliUserException">Passphrase mode without a passphrase, a bad salt, or a failed derivation.</exception>
    public static NetworkKey? Create(char[]? passphrase, MeshSettings settings, string? saltText, string? profileDirectory, TextWriter notices) =>
        CreateAsync(passphrase, settings, saltText, profileDirectory, notices).GetAwaiter().GetResult();

    /// <summary>Like <see cref="Create"/>, without blocking a thread during the salt listen.</summary>
    /// <param name="passphrase">The passphrase, or null; zeroed here.</param>
    /// <param name="settings">The settings (mode, iterations, salt, discovery port, salt listen).</param>
    /// <param name="saltText">The <c>--network-salt</c> value (base64url), or null.</param>
    /// <param name="profileDirectory">The profile folder, or null when ephemeral.</param>
    /// <param name="notices">Where the learned or new salt is announced.</param>
    /// <param name="cancellationToken">Ends the salt listen early (a new network is then created).</param>
    /// <param name="time">The clock (tests); the system clock when null.</param>
    /// <returns>The key, or null.</returns>
    /// <exception cref="CliUserException">Passphrase mode without a passphrase, a bad salt, or a failed derivation.</exception>
    public static async Task<NetworkKey?> CreateAsync(
        char[]? passphrase,
        MeshSettings settings,
        string? saltText,
        string? profileDirectory,
        TextWriter notices,
        CancellationToken cancellationToken = default,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(notices);
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

            var salt = saltText is not null ? DecodeSalt(saltText, "--network-salt")
                : settings.Network.Salt is { } configured ? configured
                : ReadSavedSalt(profileDirectory);
            try
            {
                if (salt is not null)
                {
                    return NetworkKey.Derive(passphrase, salt, settings.Security.Pbkdf2Iterations);
                }

                using var resolver = new NetworkKeyResolver(passphrase, settings.Network.MaxSaltTrials, settings.Security.Pbkdf2Iterations);
                var key = await LearnAsync(resolver, settings, notices, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false)
                    ?? resolver.CreateNetwork(SystemRandomSource.Instance);
                var learned = key.Salt.ToArray();
                var saved = Save(learned, profileDirectory);
                await notices.WriteLineAsync(saved is null
                    ? $"meshnode: network salt {Base64Url(learned)} (not saved: --ephemeral); joiners may need --network-salt {Base64Url(learned)} (or mesh.network.salt)"
                    : $"meshnode: network salt saved in '{saved}'; joiners that cannot hear announces need --network-salt {Base64Url(learned)} (or mesh.network.salt)").ConfigureAwait(false);
                return key;
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

    /// <summary>Listens for the network's announces; null (after saying why) when a new network must be made.</summary>
    private static async Task<NetworkKey?> LearnAsync(NetworkKeyResolver resolver, MeshSettings settings, TextWriter notices, TimeProvider time, CancellationToken cancellationToken)
    {
        var wait = settings.Network.SaltListen;
        if (!settings.Discovery.Enabled || wait <= TimeSpan.Zero)
        {
            await notices.WriteLineAsync(
                $"meshnode: no network salt known and {(settings.Discovery.Enabled ? "mesh.network.salt-listen is 0" : "discovery is off")}: created a new network").ConfigureAwait(false);
            return null;
        }

        DiscoverySocket socket;
        try
        {
            socket = DiscoverySocket.Bind(
                new DiscoverySocketOptions { Port = settings.Discovery.Port, MaxDatagramBytes = settings.Discovery.MaxDatagramSize },
                time);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException)
        {
            await notices.WriteLineAsync($"meshnode: cannot listen for the network's announces on UDP port {settings.Discovery.Port} ({ex.Message}): created a new network").ConfigureAwait(false);
            return null;
        }

        await using (socket.ConfigureAwait(false))
        {
            await notices.WriteLineAsync(
                $"meshnode: no network salt known: listening up to {wait.TotalSeconds:0.#} s (mesh.network.salt-listen) for announces of this passphrase's network on UDP port {settings.Discovery.Port}").ConfigureAwait(false);
            var limits = new AnnounceLimits(settings.Discovery.MaxDatagramSize, settings.Discovery.MaxClockSkew);
            var result = await NetworkSaltLearner.LearnAsync(socket.Received, resolver, wait, limits, time, cancellationToken).ConfigureAwait(false);
            if (result.Key is not null)
            {
                await notices.WriteLineAsync("meshnode: joined the passphrase network heard on the LAN (its announces carry a matching tag)").ConfigureAwait(false);
                return result.Key;
            }

            var refused = result.Refused == 0 ? string.Empty : $" ({result.Refused} datagram(s) refused: forged, stale or malformed)";
            await notices.WriteLineAsync(result.Announces == 0
                ? $"meshnode: no announce of a passphrase network heard within {wait.TotalSeconds:0.#} s{refused}: created a new network"
                : $"meshnode: heard {result.Announces} announce(s) of other passphrase networks ({result.SaltsTried} salt(s) tried{(result.TrialsExhausted ? ", the limit of mesh.network.max-salt-trials" : string.Empty)}), none with this passphrase: created a new network; to join one of them instead, use its --network-salt").ConfigureAwait(false);
            return null;
        }
    }

    private static byte[]? ReadSavedSalt(string? profileDirectory)
    {
        var path = profileDirectory is null ? null : Path.Combine(profileDirectory, SaltFileName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var saved = File.ReadAllBytes(path);
        return saved.Length == NetworkKey.SaltSize ? saved : throw new CliUserException($"'{path}' must hold 16 bytes, found {saved.Length}; delete it to learn or create the network again");
    }

    /// <summary>Saves the salt in the profile; returns the file, or null when ephemeral.</summary>
    private static string? Save(byte[] salt, string? profileDirectory)
    {
        if (profileDirectory is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(profileDirectory);
            var path = Path.Combine(profileDirectory, SaltFileName);
            File.WriteAllBytes(path, salt);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot save the network salt in '{profileDirectory}': {ex.Message}");
        }
    }

    private static byte[] DecodeSalt(string text, string source)
    {
        try
        {
            var padded = text.Trim().Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var salt = Convert.FromBase64String(padded);
            return salt.Length == NetworkKey.SaltSize ? salt : throw new CliUserException($"{source} must be 16 bytes in base64url (22 characters), got {salt.Length} bytes");
        }
        catch (FormatException)
        {
            throw new CliUserException($"{source} is not base64url");
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
