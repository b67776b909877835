using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Noise;
using MeshNode.Protocol.Tests.Crypto;

namespace MeshNode.Protocol.Tests.Noise;

public sealed class HandshakeStateTests
{
    private static readonly byte[] Prologue = "test prologue"u8.ToArray();

    public static TheoryData<string> PatternNames() =>
        new("N", "K", "X", "NN", "NK", "NX", "KN", "KK", "KX", "XN", "XK", "XX", "IN", "IK", "IX");

    [Theory]
    [MemberData(nameof(PatternNames))]
    public void Every_pattern_completes_and_both_sides_agree(string pattern)
    {
        var (initiator, responder) = Pair($"Noise_{pattern}_25519_ChaChaPoly_SHA256", seed: 7);
        using (initiator)
        using (responder)
        {
            var count = 0;
            while (!initiator.IsComplete)
            {
                var (sender, receiver) = initiator.IsMyTurnToWrite ? (initiator, responder) : (responder, initiator);
                var payload = new[] { (byte)count };
                Assert.Equal(payload, receiver.ReadMessage(sender.WriteMessage(payload)));
                count++;
            }

            Assert.True(responder.IsComplete);
            Assert.Equal(initiator.GetHandshakeHash(), responder.GetHandshakeHash());
            var (initSend, initReceive) = initiator.Split();
            var (respSend, respReceive) = responder.Split();
            Assert.Equal("hello"u8.ToArray(), respReceive.DecryptWithAd([], initSend.EncryptWithAd([], "hello"u8)));
            Assert.Equal("back"u8.ToArray(), initReceive.DecryptWithAd([], respSend.EncryptWithAd([], "back"u8)));
        }
    }

    [Fact]
    public void Rejects_tampered_handshake_message_with_authentication_failed()
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        responder.ReadMessage(initiator.WriteMessage([]));
        var message2 = responder.WriteMessage("payload"u8);
        message2[40] ^= 0x01;

        var ex = Assert.Throws<ProtocolViolationException>(() => initiator.ReadMessage(message2));
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
    }

    [Fact]
    public void Rejects_a_message_replayed_from_another_handshake()
    {
        var (i1, r1) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        var (i2, r2) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 2);
        r1.ReadMessage(i1.WriteMessage([]));
        var oldMessage2 = r1.WriteMessage([]);
        r2.ReadMessage(i2.WriteMessage([]));

        var ex = Assert.Throws<ProtocolViolationException>(() => i2.ReadMessage(oldMessage2));
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
    }

    [Fact]
    public void Rejects_the_same_message_read_twice()
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        var message1 = initiator.WriteMessage([]);
        responder.ReadMessage(message1);

        var ex = Assert.Throws<ProtocolViolationException>(() => responder.ReadMessage(message1));
        Assert.Equal(ProtocolViolationReason.HandshakeOutOfOrder, ex.Reason);
    }

    [Fact]
    public void Rejects_write_out_of_turn_and_after_completion()
    {
        var (initiator, responder) = Pair("Noise_NN_25519_ChaChaPoly_SHA256", seed: 1);
        Assert.Equal(
            ProtocolViolationReason.HandshakeOutOfOrder,
            Assert.Throws<ProtocolViolationException>(() => responder.WriteMessage([])).Reason);
        Assert.Equal(
            ProtocolViolationReason.HandshakeOutOfOrder,
            Assert.Throws<ProtocolViolationException>(() => initiator.ReadMessage(new byte[32])).Reason);

        responder.ReadMessage(initiator.WriteMessage([]));
        initiator.ReadMessage(responder.WriteMessage([]));

        Assert.True(initiator.IsComplete);
        Assert.Equal(
            ProtocolViolationReason.HandshakeOutOfOrder,
            Assert.Throws<ProtocolViolationException>(() => initiator.WriteMessage([])).Reason);
        Assert.Equal(
            ProtocolViolationReason.HandshakeOutOfOrder,
            Assert.Throws<ProtocolViolationException>(() => responder.ReadMessage(new byte[48])).Reason);
    }

    [Fact]
    public void A_failed_read_poisons_the_state()
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        responder.ReadMessage(initiator.WriteMessage([]));
        var message2 = responder.WriteMessage([]);
        var tampered = (byte[])message2.Clone();
        tampered[^1] ^= 0x80;
        Assert.Throws<ProtocolViolationException>(() => initiator.ReadMessage(tampered));

        var ex = Assert.Throws<ProtocolViolationException>(() => initiator.ReadMessage(message2));
        Assert.Equal(ProtocolViolationReason.HandshakeOutOfOrder, ex.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(95)]
    public void Rejects_truncated_messages(int length)
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        if (length == 0 || length == 31)
        {
            var ex1 = Assert.Throws<ProtocolViolationException>(() => responder.ReadMessage(initiator.WriteMessage([]).AsSpan(0, length)));
            Assert.Equal(ProtocolViolationReason.Truncated, ex1.Reason);
            return;
        }

        responder.ReadMessage(initiator.WriteMessage([]));
        var message2 = responder.WriteMessage([]);
        var ex = Assert.Throws<ProtocolViolationException>(() => initiator.ReadMessage(message2.AsSpan(0, length)));
        Assert.Equal(ProtocolViolationReason.Truncated, ex.Reason);
    }

    [Fact]
    public void Rejects_messages_longer_than_65535_bytes()
    {
        var (_, responder) = Pair("Noise_NN_25519_ChaChaPoly_SHA256", seed: 1);
        var ex = Assert.Throws<ProtocolViolationException>(() => responder.ReadMessage(new byte[65536]));
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
    }

    [Fact]
    public void Refuses_to_write_a_message_longer_than_65535_bytes()
    {
        var (initiator, _) = Pair("Noise_NN_25519_ChaChaPoly_SHA256", seed: 1);
        Assert.Throws<ArgumentException>(() => initiator.WriteMessage(new byte[65535 - 32 + 1]));
        var (ok, _) = Pair("Noise_NN_25519_ChaChaPoly_SHA256", seed: 1);
        Assert.Equal(65535, ok.WriteMessage(new byte[65535 - 32]).Length);
    }

    [Fact]
    public void Rejects_a_low_order_ephemeral_key_with_invalid_key()
    {
        var (_, responder) = Pair("Noise_NN_25519_ChaChaPoly_SHA256", seed: 1);
        responder.ReadMessage(new byte[32]); // the point u = 0 has order 4
        var ex = Assert.Throws<ProtocolViolationException>(() => responder.WriteMessage([]));
        Assert.Equal(ProtocolViolationReason.InvalidKey, ex.Reason);
    }

    [Fact]
    public void Split_is_refused_before_completion()
    {
        var (initiator, _) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 1);
        var ex = Assert.Throws<ProtocolViolationException>(() => initiator.Split());
        Assert.Equal(ProtocolViolationReason.HandshakeOutOfOrder, ex.Reason);
    }

    [Fact]
    public void Payload_factory_sees_the_hash_the_reader_reports()
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 3);
        responder.ReadMessage(initiator.WriteMessage([]));
        byte[]? seen = null;
        var message2 = responder.WriteMessage(h =>
        {
            seen = h;
            return [1, 2, 3];
        });
        initiator.ReadMessage(message2);

        Assert.NotNull(seen);
        Assert.Equal(seen, initiator.PayloadHandshakeHash.ToArray());
        Assert.NotEqual(seen, initiator.GetHandshakeHash());
    }

    [Fact]
    public void Responder_learns_the_initiators_static_key()
    {
        var (initiator, responder) = Pair("Noise_XX_25519_ChaChaPoly_SHA256", seed: 5);
        responder.ReadMessage(initiator.WriteMessage([]));
        initiator.ReadMessage(responder.WriteMessage([]));
        responder.ReadMessage(initiator.WriteMessage([]));

        Assert.Equal(initiator.LocalStaticPublicKey!.Value.ToArray(), responder.RemoteStaticPublicKey!.Value.ToArray());
        Assert.Equal(responder.LocalStaticPublicKey!.Value.ToArray(), initiator.RemoteStaticPublicKey!.Value.ToArray());
    }

    private static (HandshakeState Initiator, HandshakeState Responder) Pair(string name, int seed)
    {
        var protocol = NoiseProtocol.Parse(name);
        var random = new DeterministicRandomSource(seed);
        var initStatic = X25519.GeneratePrivateKey(random);
        var respStatic = X25519.GeneratePrivateKey(random);
        var pattern = protocol.Pattern;
        var initiator = new HandshakeState(
            protocol,
            initiator: true,
            Prologue,
            random,
            localStatic: pattern.NeedsLocalStatic(true) ? initStatic : default,
            remoteStatic: pattern.NeedsRemoteStaticUpFront(true) ? X25519.PublicKeyFrom(respStatic) : default);
        var responder = new HandshakeState(
            protocol,
            initiator: false,
            Prologue,
            random,
            localStatic: pattern.NeedsLocalStatic(false) ? respStatic : default,
            remoteStatic: pattern.NeedsRemoteStaticUpFront(false) ? X25519.PublicKeyFrom(initStatic) : default);
        return (initiator, responder);
    }
}
