using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>
/// Fernet encrypt+decrypt of one body per operation (network-protected messages). Baseline: the
/// link's ChaCha20Poly1305 on the same bytes, for scale. MB/s = Size / Mean.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class FernetBenchmarks
{
    private readonly BenchmarkKeys _keys = new(5);
    private FernetCodec _fernet = null!;
    private ChaCha20Poly1305 _raw = null!;
    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private readonly byte[] _nonce = new byte[12];

    [Params(1024, 16384)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[FernetCodec.KeySize];
        _keys.Fill(key);
        _fernet = new FernetCodec(key, TimeProvider.System, _keys);
        _raw = new ChaCha20Poly1305(key);
        _plaintext = new byte[Size];
        _keys.Fill(_plaintext);
        _ciphertext = new byte[Size + 16];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fernet.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int RawChaCha20Poly1305()
    {
        _raw.Encrypt(_nonce, _plaintext, _ciphertext.AsSpan(0, Size), _ciphertext.AsSpan(Size), default);
        _raw.Decrypt(_nonce, _ciphertext.AsSpan(0, Size), _ciphertext.AsSpan(Size), _plaintext, default);
        return _plaintext[0];
    }

    [Benchmark]
    public int FernetEncryptDecrypt() => _fernet.DecryptBytes(_fernet.EncryptToBytes(_plaintext), null).Length;
}
