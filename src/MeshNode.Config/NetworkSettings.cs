namespace MeshNode.Config;

/// <summary>The passphrase network's key handling (<c>mesh.network</c>).</summary>
public sealed record NetworkSettings
{
    /// <summary>Length of a network salt in bytes (docs/protocol.md, "Network key").</summary>
    public const int SaltSize = 16;

    /// <summary>Distinct network salts tried per passphrase (each costs one PBKDF2 run), 1-64.</summary>
    public required int MaxSaltTrials { get; init; }

    /// <summary>
    /// The network's salt when configured (16 bytes), so nodes that meet only through static
    /// peers agree on the network key; null to learn it from announces or create a new network.
    /// </summary>
    public required byte[]? Salt { get; init; }

    internal static NetworkSettings Read(SettingsReader r) => new()
    {
        MaxSaltTrials = r.Integer("mesh.network.max-salt-trials", 1, 64),
        Salt = ReadSalt(r),
    };

    private static byte[]? ReadSalt(SettingsReader r)
    {
        const string key = "mesh.network.salt";
        var text = r.String(key).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[(base64.Length / 4) * 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written != SaltSize)
        {
            r.Fail(key, $"must be {SaltSize} bytes in base64url (22 characters), got \"{text}\"");
            return null;
        }

        return buffer[..written];
    }
}
