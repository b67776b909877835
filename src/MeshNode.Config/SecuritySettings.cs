namespace MeshNode.Config;

/// <summary>Network protection mode and passphrase key derivation (<c>mesh.security</c>).</summary>
public sealed record SecuritySettings
{
    /// <summary>Open or passphrase network.</summary>
    public required SecurityMode Mode { get; init; }

    /// <summary>PBKDF2-HMAC-SHA256 iterations for the network key (10,000-100,000,000).</summary>
    public required int Pbkdf2Iterations { get; init; }

    /// <summary>Absolute path of the file whose first line is the passphrase; null means ask at start-up.</summary>
    public required string? PassphraseFile { get; init; }

    internal static SecuritySettings Read(SettingsReader r)
    {
        var file = r.String("mesh.security.passphrase-file").Trim();
        return new SecuritySettings
        {
            Mode = r.Enum<SecurityMode>("mesh.security.mode"),
            Pbkdf2Iterations = r.Integer("mesh.security.pbkdf2-iterations", 100_000, 100_000_000),
            PassphraseFile = file.Length == 0 ? null : Path.GetFullPath(SettingsReader.ExpandHome(file)),
        };
    }
}
