using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Tests.Crypto;

/// <summary>Reproducible bytes for tests (System.Random with a fixed seed; never for real keys).</summary>
internal sealed class DeterministicRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> buffer) => _random.NextBytes(buffer);
}
