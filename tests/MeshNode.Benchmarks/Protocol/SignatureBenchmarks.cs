using BenchmarkDotNet.Attributes;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>
/// Envelope signing and verification per operation (a 256-byte chat-sized body), beside bare
/// Ed25519 over the same number of bytes. Baseline: Ed25519 sign.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SignatureBenchmarks
{
    private readonly BenchmarkKeys _keys = new(3);
    private NodeIdentity _origin = null!;
    private byte[] _seed = [];
    private byte[] _publicKey = [];
    private byte[] _message = [];
    private byte[] _signature = [];
    private EnvelopeDraft _draft = null!;
    private ReadOnlyMemory<byte> _envelope;

    [GlobalSetup]
    public void Setup()
    {
        _seed = MeshNode.Protocol.Crypto.Ed25519.GenerateSeed(_keys);
        _publicKey = MeshNode.Protocol.Crypto.Ed25519.PublicKeyFrom(_seed);
        _message = new byte[256];
        _keys.Fill(_message);
        _signature = MeshNode.Protocol.Crypto.Ed25519.Sign(_seed, _message);
        _origin = _keys.NewIdentity();
        _draft = new EnvelopeDraft(null, EnvelopeBodyType.ChatMessage, EnvelopeProtection.Link, _message, 8);
        _envelope = EnvelopeCodec.Create(_origin, _draft, TimeProvider.System, _keys, EnvelopeLimits.Default).Encoded;
    }

    [GlobalCleanup]
    public void Cleanup() => _origin.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] Ed25519Sign() => MeshNode.Protocol.Crypto.Ed25519.Sign(_seed, _message);

    [Benchmark]
    public bool Ed25519Verify() => MeshNode.Protocol.Crypto.Ed25519.Verify(_publicKey, _message, _signature);

    [Benchmark]
    public VerifiedEnvelope EnvelopeCreate() => EnvelopeCodec.Create(_origin, _draft, TimeProvider.System, _keys, EnvelopeLimits.Default);

    [Benchmark]
    public VerifiedEnvelope EnvelopeVerify() => EnvelopeCodec.Verify(_envelope, EnvelopeLimits.Default);
}
