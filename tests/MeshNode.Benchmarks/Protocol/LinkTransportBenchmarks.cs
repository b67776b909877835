using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>
/// One link frame encrypted by one side and decrypted by the other, per operation. Baseline: raw
/// ChaCha20Poly1305 doing the same with a counter nonce, so the ratio is LinkTransport's
/// overhead (nonce handling, rekey check, bounds). MB/s = Size / Mean.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LinkTransportBenchmarks
{
    private NodeIdentity _a = null!;
    private NodeIdentity _b = null!;
    private LinkTransport _send = null!;
    private LinkTransport _receive = null!;
    private ChaCha20Poly1305 _raw = null!;
    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private byte[] _decrypted = [];
    private readonly byte[] _nonce = new byte[12];
    private ulong _counter;

    [Params(1024, 16384, 61440)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var keys = new BenchmarkKeys(1);
        _a = keys.NewIdentity();
        _b = keys.NewIdentity();
        (_send, _receive) = keys.Link(_a, _b);
        var key = new byte[32];
        keys.Fill(key);
        _raw = new ChaCha20Poly1305(key);
        _plaintext = new byte[Size];
        keys.Fill(_plaintext);
        _ciphertext = new byte[Size + 16];
        _decrypted = new byte[Size];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _send.Dispose();
        _receive.Dispose();
        _raw.Dispose();
        _a.Dispose();
        _b.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int RawChaCha20Poly1305()
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_nonce.AsSpan(4), _counter++);
        _raw.Encrypt(_nonce, _plaintext, _ciphertext.AsSpan(0, Size), _ciphertext.AsSpan(Size), default);
        _raw.Decrypt(_nonce, _ciphertext.AsSpan(0, Size), _ciphertext.AsSpan(Size), _decrypted, default);
        return _decrypted[0];
    }

    [Benchmark]
    public int LinkTransportEncryptDecrypt()
    {
        var length = _send.Encrypt(_plaintext, _ciphertext);
        _receive.Decrypt(_ciphertext.AsSpan(0, length), _decrypted);
        return _decrypted[0];
    }
}
