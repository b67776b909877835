using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;

namespace MeshNode.Benchmarks.Protocol;

/// <summary>Fixed-seed keys and completed links for the protocol benchmarks.</summary>
internal sealed class BenchmarkKeys(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> buffer) => _random.NextBytes(buffer);

    public NodeIdentity NewIdentity() => NodeIdentity.Generate(this);

    public LinkHandshakeSettings Settings(NodeIdentity identity) => new()
    {
        Identity = identity,
        StaticPrivateKey = X25519.GeneratePrivateKey(this),
        DisplayName = "bench",
        Random = this,
    };

    /// <summary>Runs a full link handshake and returns both transports (initiator, responder).</summary>
    public (LinkTransport Initiator, LinkTransport Responder) Link(NodeIdentity a, NodeIdentity b)
    {
        using var initiator = LinkHandshake.Initiator(Settings(a));
        using var responder = LinkHandshake.Responder(Settings(b));
        var step2 = responder.ReadNext(initiator.WriteNext());
        var step3 = initiator.ReadNext(step2.Outgoing!);
        var final = responder.ReadNext(step3.Outgoing!);
        return (LinkTransport.From(step3.Result!), LinkTransport.From(final.Result!));
    }
}
