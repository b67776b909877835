using BenchmarkDotNet.Attributes;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Sealing;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>
/// Sealing to one recipient and opening, per 1 KiB message. Baseline: one X25519 agreement, the
/// floor each side pays (seal: ephemeral key, agreement, signature; open: agreement, verify).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SealingBenchmarks
{
    private readonly BenchmarkKeys _keys = new(4);
    private NodeIdentity _sender = null!;
    private NodeIdentity _recipient = null!;
    private byte[] _privateKey = [];
    private byte[] _plaintext = [];
    private byte[] _sealed = [];
    private readonly byte[] _ad = new byte[16];

    [GlobalSetup]
    public void Setup()
    {
        _sender = _keys.NewIdentity();
        _recipient = _keys.NewIdentity();
        _privateKey = X25519.GeneratePrivateKey(_keys);
        _plaintext = new byte[1024];
        _keys.Fill(_plaintext);
        _sealed = Sealer.Seal(_sender, _recipient.SealingPublicKey.Span, _plaintext, _ad, _keys);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _recipient.Dispose();
    }

    [Benchmark(Baseline = true)]
    public byte[] X25519Agreement() => X25519.Agree(_privateKey, _recipient.SealingPublicKey.Span);

    [Benchmark]
    public byte[] Seal() => Sealer.Seal(_sender, _recipient.SealingPublicKey.Span, _plaintext, _ad, _keys);

    [Benchmark]
    public byte[] Open() => Sealer.Open(_recipient, _sender.PublicKey.Span, _sealed, _ad);
}
