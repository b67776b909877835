namespace MeshNode.Protocol.Crypto;

/// <summary>
/// Where key material and nonces get their randomness. Injected so handshakes and sealing can be
/// replayed byte for byte in tests; production code uses <see cref="SystemRandomSource.Instance"/>.
/// </summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="buffer"/> entirely with random bytes.</summary>
    void Fill(Span<byte> buffer);
}
