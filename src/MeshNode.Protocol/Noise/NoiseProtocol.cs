namespace MeshNode.Protocol.Noise;

/// <summary>
/// A parsed Noise protocol name such as "Noise_XX_25519_ChaChaPoly_SHA256". Only DH 25519 and
/// hash SHA256 are supported; the cipher is ChaChaPoly or AESGCM.
/// </summary>
public sealed record NoiseProtocol
{
    private NoiseProtocol(string name, NoisePattern pattern, NoiseCipher cipher)
    {
        Name = name;
        Pattern = pattern;
        Cipher = cipher;
    }

    /// <summary>The full protocol name, hashed into h at initialization.</summary>
    public string Name { get; }

    /// <summary>The handshake pattern.</summary>
    public NoisePattern Pattern { get; }

    /// <summary>The cipher function.</summary>
    public NoiseCipher Cipher { get; }

    /// <summary>Noise_XX_25519_ChaChaPoly_SHA256, the link protocol.</summary>
    public static NoiseProtocol XXChaChaPolySha256 { get; } = Parse("Noise_XX_25519_ChaChaPoly_SHA256");

    /// <summary>Parses a protocol name.</summary>
    /// <exception cref="ArgumentException">The name is malformed or uses an unsupported pattern, DH, cipher or hash.</exception>
    public static NoiseProtocol Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('_');
        if (parts.Length != 5 || parts[0] != "Noise")
        {
            throw new ArgumentException($"'{name}' is not a Noise protocol name (Noise_PATTERN_DH_CIPHER_HASH).", nameof(name));
        }

        if (!NoisePattern.TryGet(parts[1], out var pattern))
        {
            throw new ArgumentException($"Unsupported Noise pattern '{parts[1]}'.", nameof(name));
        }

        if (parts[2] != "25519" || parts[4] != "SHA256")
        {
            throw new ArgumentException($"Only 25519 and SHA256 are supported, not '{parts[2]}'/'{parts[4]}'.", nameof(name));
        }

        var cipher = parts[3] switch
        {
            "ChaChaPoly" => NoiseCipher.ChaChaPoly,
            "AESGCM" => NoiseCipher.AesGcm,
            _ => throw new ArgumentException($"Unsupported Noise cipher '{parts[3]}'.", nameof(name)),
        };
        return new NoiseProtocol(name, pattern, cipher);
    }
}
