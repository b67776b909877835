using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Envelopes;

public class BodyProtectorTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public void Network_sealed_body_travels_in_a_signed_envelope_and_opens_with_the_key()
    {
        using var identity = NodeIdentity.Generate(new SeededRandomSource(1));
        using var network = NetworkKey.Derive("pass", new byte[16], NetworkKey.MinIterations);
        using var codec = network.CreateCodec(_time, new SeededRandomSource(2));
        var (type, plaintext) = BodyCodec.Encode(new ChatBody("secret", 1, Protocol.Envelopes.Bodies.ChatScope.All));
        var draft = new EnvelopeDraft(null, type, EnvelopeProtection.Network, BodyProtector.SealForNetwork(plaintext, codec), 4);
        var envelope = EnvelopeCodec.Verify(EnvelopeCodec.Create(identity, draft, _time, new SeededRandomSource(3), EnvelopeLimits.Default).Encoded, EnvelopeLimits.Default);

        Assert.Equal(EnvelopeProtection.Network, envelope.Protection);
        Assert.Equal(-1, envelope.Encoded.Span.IndexOf("secret"u8));
        var opened = BodyProtector.OpenFromNetwork(envelope.Body.Span, codec, TimeSpan.FromMinutes(5));
        Assert.Equal(new ChatBody("secret", 1, Protocol.Envelopes.Bodies.ChatScope.All), BodyCodec.Decode(envelope.BodyType, opened, BodyLimits.Default));
    }

    [Fact]
    public void A_node_with_another_passphrase_cannot_open_a_network_body()
    {
        using var right = NetworkKey.Derive("right", new byte[16], NetworkKey.MinIterations);
        using var wrong = NetworkKey.Derive("wrong", new byte[16], NetworkKey.MinIterations);
        using var rightCodec = right.CreateCodec(_time, new SeededRandomSource(2));
        using var wrongCodec = wrong.CreateCodec(_time, new SeededRandomSource(2));
        var body = BodyProtector.SealForNetwork("x"u8, rightCodec);
        var ex = Assert.Throws<ProtocolViolationException>(() => BodyProtector.OpenFromNetwork(body, wrongCodec, null));
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
    }

    [Fact]
    public void Sealed_wrapper_round_trips_and_refuses_garbage()
    {
        var wrapped = BodyProtector.WrapSealed([1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, BodyProtector.UnwrapSealed(wrapped).ToArray());
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyProtector.UnwrapSealed([0xFF])).Reason);
    }
}
