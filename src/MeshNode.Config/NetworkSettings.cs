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

    /// <summary>
    /// How long a node with the passphrase but no salt listens for its network's announces before
    /// it starts (0-60 s; 0: create a new network at once).
    /// </summary>
    public required TimeSpan SaltListen { get; init; }

    internal static NetworkSettings Read(SettingsReader r) => new()
    {
        SaltListen = ReadSaltListen(r),
        MaxSaltTrials = r.Integer("mesh.network.max-salt-trials", 1, 64),
        Salt = ReadSalt(r),
    };

    private static TimeSpan ReadSaltListen(SettingsReader r)
    {
        const string key = "mesh.network.salt-listen";
        var value = r.Duration(key, TimeSpan.Zero);
        if (value > TimeSpan.FromSeconds(60))
        {
            r.Fail(key, $"must be at most 60s (a node waits this long before it starts), got {value.TotalSeconds}s");
        }

        return value;
    }

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
