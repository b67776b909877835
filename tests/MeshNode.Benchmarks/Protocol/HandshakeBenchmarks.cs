using BenchmarkDotNet.Attributes;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Noise;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>
/// Complete handshakes per operation, both sides in one thread (so handshakes per second per core
/// is 2 / Mean for one side's share). Baseline: bare Noise XX with empty payloads; the ratio is
/// the price of identity signatures, payload encoding and checks.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HandshakeBenchmarks
{
    private static readonly byte[] Prologue = "meshnode/v1"u8.ToArray();

    private readonly BenchmarkKeys _keys = new(2);
    private NodeIdentity _a = null!;
    private NodeIdentity _b = null!;
    private byte[] _staticA = [];
    private byte[] _staticB = [];

    [GlobalSetup]
    public void Setup()
    {
        _a = _keys.NewIdentity();
        _b = _keys.NewIdentity();
        _staticA = X25519.GeneratePrivateKey(_keys);
        _staticB = X25519.GeneratePrivateKey(_keys);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int NoiseXXOnly()
    {
        using var initiator = new HandshakeState(NoiseProtocol.XXChaChaPolySha256, true, Prologue, _keys, localStatic: _staticA);
        using var responder = new HandshakeState(NoiseProtocol.XXChaChaPolySha256, false, Prologue, _keys, localStatic: _staticB);
        responder.ReadMessage(initiator.WriteMessage([]));
        initiator.ReadMessage(responder.WriteMessage([]));
        responder.ReadMessage(initiator.WriteMessage([]));
        var (send, receive) = initiator.Split();
        send.Dispose();
        receive.Dispose();
        (send, receive) = responder.Split();
        send.Dispose();
        receive.Dispose();
        return initiator.MessageIndex;
    }

    [Benchmark]
    public int LinkHandshake()
    {
        var (a, b) = _keys.Link(_a, _b);
        a.Dispose();
        b.Dispose();
        return 3;
    }
}
