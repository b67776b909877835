namespace MeshNode.Protocol.Noise;

/// <summary>The Noise cipher functions this implementation provides (Noise rev 34, section 12.3 and 12.4).</summary>
public enum NoiseCipher
{
    /// <summary>ChaCha20-Poly1305; nonce = 4 zero bytes || 64-bit little-endian counter.</summary>
    ChaChaPoly,

    /// <summary>AES-256-GCM; nonce = 4 zero bytes || 64-bit big-endian counter.</summary>
    AesGcm,
}
