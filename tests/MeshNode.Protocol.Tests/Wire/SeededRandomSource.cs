using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Tests.Wire;

/// <summary>Reproducible bytes from a fixed seed (tests only, never for real keys).</summary>
internal sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> buffer) => _random.NextBytes(buffer);
}
