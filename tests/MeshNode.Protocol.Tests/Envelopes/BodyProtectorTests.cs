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
        Assert.Equal(ProtocolViolationReason.BodyUnreadable, ex.Reason);
        Assert.False(ex.ClosesLink);
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.IsType<ProtocolViolationException>(ex.InnerException).Reason);
    }

    [Fact]
    public void Sealed_wrapper_round_trips_and_refuses_garbage()
    {
        var wrapped = BodyProtector.WrapSealed([1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, BodyProtector.UnwrapSealed(wrapped).ToArray());
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Assert.Throws<ProtocolViolationException>(() => BodyProtector.UnwrapSealed([0xFF])).Reason);
    }

    [Fact]
    public void End_to_end_body_opens_only_at_the_destination_and_only_from_the_origin()
    {
        using var alice = NodeIdentity.Generate(new SeededRandomSource(31));
        using var bob = NodeIdentity.Generate(new SeededRandomSource(32));
        using var relay = NodeIdentity.Generate(new SeededRandomSource(33));
        var (type, plaintext) = BodyCodec.Encode(new ChatBody("for bob", 1, Protocol.Envelopes.Bodies.ChatScope.Direct));
        var sealedBody = BodyProtector.SealForRecipient(plaintext, alice, bob.SealingPublicKey.Span, new SeededRandomSource(34));
        var draft = new EnvelopeDraft(bob.Id, type, EnvelopeProtection.EndToEnd, sealedBody, 4);
        var envelope = EnvelopeCodec.Verify(EnvelopeCodec.Create(alice, draft, _time, new SeededRandomSource(35), EnvelopeLimits.Default).Encoded, EnvelopeLimits.Default);

        Assert.Equal(-1, envelope.Encoded.Span.IndexOf("for bob"u8));
        Assert.Equal(new ChatBody("for bob", 1, Protocol.Envelopes.Bodies.ChatScope.Direct), BodyProtector.Open(envelope, bob, null, BodyLimits.Default));

        var notForRelay = Assert.Throws<ProtocolViolationException>(() => BodyProtector.Open(envelope, relay, null, BodyLimits.Default));
        Assert.Equal(ProtocolViolationReason.BodyUnreadable, notForRelay.Reason);
        var wrongSender = Assert.Throws<ProtocolViolationException>(() => BodyProtector.OpenFromSender(envelope.Body.Span, bob, relay.PublicKey.Span));
        Assert.Equal(ProtocolViolationReason.BodyUnreadable, wrongSender.Reason);
        Assert.False(wrongSender.ClosesLink);
    }

    [Fact]
    public void Network_body_without_a_passphrase_is_unreadable_not_reinterpreted()
    {
        using var alice = NodeIdentity.Generate(new SeededRandomSource(41));
        using var network = NetworkKey.Derive("pass", new byte[16], NetworkKey.MinIterations);
        using var codec = network.CreateCodec(_time, new SeededRandomSource(2));
        var (type, plaintext) = BodyCodec.Encode(new ChatBody("x", 1, Protocol.Envelopes.Bodies.ChatScope.All));
        var draft = new EnvelopeDraft(null, type, EnvelopeProtection.Network, BodyProtector.SealForNetwork(plaintext, codec), 4);
        var envelope = EnvelopeCodec.Create(alice, draft, _time, new SeededRandomSource(3), EnvelopeLimits.Default);

        Assert.Equal(ProtocolViolationReason.BodyUnreadable, Assert.Throws<ProtocolViolationException>(() => BodyProtector.Open(envelope, alice, null, BodyLimits.Default)).Reason);
        Assert.Equal(new ChatBody("x", 1, Protocol.Envelopes.Bodies.ChatScope.All), BodyProtector.Open(envelope, alice, codec, BodyLimits.Default));
    }

    [Fact]
    public void A_flipped_bit_in_a_sealed_body_is_detected()
    {
        using var alice = NodeIdentity.Generate(new SeededRandomSource(51));
        using var bob = NodeIdentity.Generate(new SeededRandomSource(52));
        var sealedBody = BodyProtector.SealForRecipient("data"u8, alice, bob.SealingPublicKey.Span, new SeededRandomSource(53));
        for (var bit = 0; bit < sealedBody.Length * 8; bit += 7)
        {
            var copy = (byte[])sealedBody.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<ProtocolViolationException>(() => BodyProtector.OpenFromSender(copy, bob, alice.PublicKey.Span));
        }
    }
}
