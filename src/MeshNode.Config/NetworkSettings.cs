namespace MeshNode.Config;

/// <summary>The passphrase network's key handling (<c>mesh.network</c>).</summary>
public sealed record NetworkSettings
{
    /// <summary>Distinct network salts tried per passphrase (each costs one PBKDF2 run), 1-64.</summary>
    public required int MaxSaltTrials { get; init; }

    internal static NetworkSettings Read(SettingsReader r) => new()
    {
        MaxSaltTrials = r.Integer("mesh.network.max-salt-trials", 1, 64),
    };
}
