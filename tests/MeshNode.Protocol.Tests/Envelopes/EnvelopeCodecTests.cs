using Google.Protobuf;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Envelopes;

public sealed class EnvelopeCodecTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
    private readonly NodeIdentity _alice = NodeIdentity.Generate(new SeededRandomSource(1));
    private readonly NodeIdentity _bob = NodeIdentity.Generate(new SeededRandomSource(2));
    private readonly ManualTimeProvider _time = new(Now);
    private readonly EnvelopeLimits _limits = new(MaxEnvelopeSize: 2048, MaxHopLimit: 8);
    private readonly SeededRandomSource _random = new(42);

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public void Creates_an_envelope_that_verifies_with_every_field()
    {
        var created = Create(_bob.Id, hopLimit: 5);
        var verified = EnvelopeCodec.Verify(created.Encoded, _limits);

        Assert.Equal(created.Id, verified.Id);
        Assert.Equal(_alice.Id, verified.Origin);
        Assert.Equal(_alice.PublicKey.ToArray(), verified.OriginPublicKey.ToArray());
        Assert.Equal(_bob.Id, verified.Destination);
        Assert.False(verified.IsBroadcast);
        Assert.Equal(5u, verified.HopLimit);
        Assert.Equal(0u, verified.HopCount);
        Assert.Equal(1u, verified.HopsTravelled);
        Assert.Equal(Now, verified.CreatedAt);
        Assert.Equal(EnvelopeBodyType.ChatMessage, verified.BodyType);
        Assert.Equal(EnvelopeProtection.Link, verified.Protection);
        Assert.Equal("hello"u8.ToArray(), verified.Body.ToArray());
    }

    [Fact]
    public void Broadcast_has_no_destination()
    {
        var verified = EnvelopeCodec.Verify(Create(null).Encoded, _limits);
        Assert.True(verified.IsBroadcast);
        Assert.Null(verified.Destination);
    }

    [Fact]
    public void Ids_are_random_per_envelope()
    {
        Assert.NotEqual(Create(null).Id, Create(null).Id);
    }

    [Fact]
    public void Relaying_changes_only_the_hop_count_and_keeps_the_signed_bytes()
    {
        var created = Create(null, hopLimit: 3);
        Assert.True(EnvelopeCodec.TryIncrementHop(created, out var once));
        var received = EnvelopeCodec.Verify(once.Encoded, _limits);
        Assert.Equal(1u, received.HopCount);
        Assert.Equal(created.SignedContent.ToArray(), received.SignedContent.ToArray());
        Assert.Equal(created.Signature.ToArray(), received.Signature.ToArray());

        Assert.True(EnvelopeCodec.TryIncrementHop(received, out var twice));
        Assert.Equal(2u, EnvelopeCodec.Verify(twice.Encoded, _limits).HopCount);
        Assert.False(EnvelopeCodec.TryIncrementHop(twice, out _));
    }

    [Fact]
    public void A_hop_count_change_does_not_break_the_signature()
    {
        var outer = SignedEnvelope.Parser.ParseFrom(Create(null, hopLimit: 8).Encoded.Span);
        outer.HopCount = 6;
        Assert.Equal(6u, EnvelopeCodec.Verify(outer.ToByteArray(), _limits).HopCount);
    }

    [Fact]
    public void Refuses_a_hop_count_at_or_over_the_hop_limit()
    {
        var outer = SignedEnvelope.Parser.ParseFrom(Create(null, hopLimit: 3).Encoded.Span);
        outer.HopCount = 3;
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Refuse(outer.ToByteArray()).Reason);
    }

    [Fact]
    public void Refuses_a_hop_limit_over_the_setting_and_names_it()
    {
        var permissive = new EnvelopeLimits(2048, 32);
        var envelope = EnvelopeCodec.Create(_alice, Draft(null, 20), _time, new SeededRandomSource(3), permissive);
        var ex = Refuse(envelope.Encoded.ToArray());
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Contains("mesh.envelope.max-hop-limit", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Create(null, hopLimit: 9));
        Assert.Throws<ArgumentException>(() => Create(null, hopLimit: 0));
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_the_signed_part_fails()
    {
        var envelope = Create(_bob.Id);
        var outer = SignedEnvelope.Parser.ParseFrom(envelope.Encoded.Span);
        var content = outer.Content.ToByteArray();
        for (var bit = 0; bit < content.Length * 8; bit++)
        {
            var copy = (byte[])content.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            var forged = new SignedEnvelope { Content = ByteString.CopyFrom(copy), Signature = outer.Signature }.ToByteArray();
            Assert.Throws<ProtocolViolationException>(() => EnvelopeCodec.Verify(forged, _limits));
        }
    }

    [Fact]
    public void A_flipped_signature_bit_fails_as_bad_signature()
    {
        var outer = SignedEnvelope.Parser.ParseFrom(Create(null).Encoded.Span);
        var signature = outer.Signature.ToByteArray();
        signature[10] ^= 0x01;
        outer.Signature = ByteString.CopyFrom(signature);
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(outer.ToByteArray()).Reason);
    }

    [Fact]
    public void A_different_origin_key_fails()
    {
        var outer = SignedEnvelope.Parser.ParseFrom(Create(null).Encoded.Span);
        var content = EnvelopeContent.Parser.ParseFrom(outer.Content);
        content.OriginKey = ByteString.CopyFrom(_bob.PublicKey.Span);
        outer.Content = content.ToByteString();
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(outer.ToByteArray()).Reason);
    }

    [Fact]
    public void Verifies_the_exact_bytes_signed_even_in_an_unusual_field_order()
    {
        // Same fields, written body first: valid protobuf, not what Google.Protobuf would emit.
        var reordered = ReorderedContent();
        var signature = _alice.Sign("meshnode/v1/envelope"u8, reordered);
        var envelope = new SignedEnvelope { Content = ByteString.CopyFrom(reordered), Signature = ByteString.CopyFrom(signature) }.ToByteArray();
        var verified = EnvelopeCodec.Verify(envelope, _limits);
        Assert.Equal(reordered, verified.SignedContent.ToArray());
        Assert.True(EnvelopeCodec.TryIncrementHop(verified, out var relayed));
        Assert.Equal(reordered, SignedEnvelope.Parser.ParseFrom(relayed.Encoded.Span).Content.ToByteArray());

        // A canonical re-encoding carries the same fields but other bytes: the signature must not hold.
        var reencoded = EnvelopeContent.Parser.ParseFrom(reordered).ToByteArray();
        Assert.NotEqual(reordered, reencoded);
        var forged = new SignedEnvelope { Content = ByteString.CopyFrom(reencoded), Signature = ByteString.CopyFrom(signature) }.ToByteArray();
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(forged).Reason);
    }

    [Fact]
    public void A_signature_with_another_domain_label_fails()
    {
        var content = EnvelopeContent.Parser.ParseFrom(SignedEnvelope.Parser.ParseFrom(Create(null).Encoded.Span).Content).ToByteArray();
        var signature = _alice.Sign("meshnode/v1/announce"u8, content);
        var forged = new SignedEnvelope { Content = ByteString.CopyFrom(content), Signature = ByteString.CopyFrom(signature) }.ToByteArray();
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(forged).Reason);
    }

    [Fact]
    public void Refuses_an_envelope_over_the_maximum_size_before_parsing()
    {
        var ex = Refuse(new byte[2049]);
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Contains("mesh.envelope.max-size", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EnvelopeCodec.Create(_alice, Draft(null, 3) with { Body = new byte[3000] }, _time, new SeededRandomSource(3), _limits));
    }

    [Fact]
    public void Refuses_truncated_and_garbage_input_as_malformed()
    {
        var encoded = Create(null).Encoded.ToArray();
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(encoded[..(encoded.Length / 2)]).Reason);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse([0xFF, 0xFF, 0xFF]).Reason);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse([]).Reason);
    }

    [Fact]
    public void Refuses_fields_of_the_wrong_length_even_when_signed()
    {
        var content = EnvelopeContent.Parser.ParseFrom(SignedEnvelope.Parser.ParseFrom(Create(null).Encoded.Span).Content);
        content.Destination = ByteString.CopyFrom(new byte[15]);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(SignedBy(_alice, content)).Reason);
        content.Destination = ByteString.Empty;
        content.Id = ByteString.CopyFrom(new byte[8]);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(SignedBy(_alice, content)).Reason);
    }

    [Fact]
    public void Refuses_another_version_and_an_unknown_protection_but_keeps_unknown_body_types()
    {
        var content = EnvelopeContent.Parser.ParseFrom(SignedEnvelope.Parser.ParseFrom(Create(null).Encoded.Span).Content);
        content.Version = 2;
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(SignedBy(_alice, content)).Reason);
        content.Version = 1;
        content.Protection = (Protection)9;
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(SignedBy(_alice, content)).Reason);
        content.Protection = Protection.Network;
        content.BodyType = (BodyType)99;
        Assert.Equal((EnvelopeBodyType)99, EnvelopeCodec.Verify(SignedBy(_alice, content), _limits).BodyType);
    }

    [Fact]
    public void Keeps_its_own_copy_of_the_received_bytes()
    {
        var buffer = Create(null).Encoded.ToArray();
        var verified = EnvelopeCodec.Verify(buffer, _limits);
        Array.Clear(buffer);
        Assert.Equal(verified.Encoded.ToArray(), EnvelopeCodec.Verify(verified.Encoded, _limits).Encoded.ToArray());
    }

    private byte[] ReorderedContent()
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(9, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFromUtf8("hello"));
        output.WriteTag(8, WireFormat.WireType.Varint);
        output.WriteEnum((int)Protection.Link);
        output.WriteTag(7, WireFormat.WireType.Varint);
        output.WriteEnum((int)BodyType.ChatMessage);
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(_alice.PublicKey.Span));
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(new byte[16]));
        output.WriteTag(5, WireFormat.WireType.Varint);
        output.WriteUInt32(4);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteUInt32(1);
        output.Flush();
        return stream.ToArray();
    }

    private static byte[] SignedBy(NodeIdentity origin, EnvelopeContent content)
    {
        var bytes = content.ToByteArray();
        return new SignedEnvelope
        {
            Content = ByteString.CopyFrom(bytes),
            Signature = ByteString.CopyFrom(origin.Sign("meshnode/v1/envelope"u8, bytes)),
        }.ToByteArray();
    }

    private ProtocolViolationException Refuse(byte[] bytes)
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => EnvelopeCodec.Verify(bytes, _limits));
        Assert.False(ex.ClosesLink);
        return ex;
    }

    private VerifiedEnvelope Create(NodeId? destination, uint hopLimit = 4) =>
        EnvelopeCodec.Create(_alice, Draft(destination, hopLimit), _time, _random, _limits);

    private static EnvelopeDraft Draft(NodeId? destination, uint hopLimit) =>
        new(destination, EnvelopeBodyType.ChatMessage, EnvelopeProtection.Link, "hello"u8.ToArray(), hopLimit);
}
