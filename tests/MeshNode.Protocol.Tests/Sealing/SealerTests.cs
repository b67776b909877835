using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Sealing;
using MeshNode.Protocol.Tests.Crypto;

namespace MeshNode.Protocol.Tests.Sealing;

public sealed class SealerTests
{
    private static readonly byte[] Ad = "envelope-id-1"u8.ToArray();
    private static readonly byte[] Message = "meet at the bridge at nine"u8.ToArray();

    private readonly DeterministicRandomSource _random = new(2024);
    private readonly byte[] _senderSeed;
    private readonly byte[] _senderIdentity;
    private readonly byte[] _recipientPrivate;
    private readonly byte[] _recipientPublic;

    public SealerTests()
    {
        _senderSeed = Ed25519.GenerateSeed(_random);
        _senderIdentity = Ed25519.PublicKeyFrom(_senderSeed);
        _recipientPrivate = X25519.GeneratePrivateKey(_random);
        _recipientPublic = X25519.PublicKeyFrom(_recipientPrivate);
    }

    [Fact]
    public void Recipient_opens_what_the_sender_sealed()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);

        Assert.Equal(Message.Length + Sealer.Overhead, sealedMessage.Length);
        Assert.Equal(Message, Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, Ad));
    }

    [Fact]
    public void Node_identities_seal_and_open_like_raw_keys()
    {
        using var sender = NodeIdentity.FromSecrets(_senderSeed, X25519.GeneratePrivateKey(_random));
        using var recipient = NodeIdentity.FromSecrets(Ed25519.GenerateSeed(_random), _recipientPrivate);

        var sealedMessage = Sealer.Seal(sender, recipient.SealingPublicKey.Span, Message, Ad, _random);
        Assert.Equal(Message, Sealer.Open(recipient, sender.PublicKey.Span, sealedMessage, Ad));
        Assert.Equal(Message, Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, Ad));
        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => Sealer.Open(sender, sender.PublicKey.Span, sealedMessage, Ad));
    }

    [Fact]
    public void Empty_plaintext_round_trips()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, [], [], _random);
        Assert.Empty(Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, []));
    }

    [Fact]
    public void Sealing_twice_gives_unrelated_bytes()
    {
        var first = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        var second = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Hex.Encode(Message), Hex.Encode(first));
    }

    [Fact]
    public void Another_recipient_cannot_open_it()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        var relayKey = X25519.GeneratePrivateKey(_random);

        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => Sealer.Open(relayKey, _senderIdentity, sealedMessage, Ad));
    }

    [Fact]
    public void A_wrong_claimed_sender_is_refused()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        var other = Ed25519.PublicKeyFrom(Ed25519.GenerateSeed(_random));

        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => Sealer.Open(_recipientPrivate, other, sealedMessage, Ad));
    }

    [Fact]
    public void Someone_who_knows_only_public_keys_cannot_forge_a_sender()
    {
        // Mallory seals under her own identity and claims the sender's: the key derivation differs.
        var mallorySeed = Ed25519.GenerateSeed(_random);
        var forged = Sealer.Seal(mallorySeed, _recipientPublic, Message, Ad, _random);
        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => Sealer.Open(_recipientPrivate, _senderIdentity, forged, Ad));

        // She follows the spec by hand with the sender's identity in the key derivation, but can
        // only sign with her own key: the signature gives her away.
        var byHand = SealByHand(mallorySeed, _senderIdentity, _recipientPublic, Message, Ad);
        AssertRefused(ProtocolViolationReason.BadSignature, () => Sealer.Open(_recipientPrivate, _senderIdentity, byHand, Ad));
    }

    [Fact]
    public void A_message_sealed_by_hand_from_the_documented_layout_opens()
    {
        var byHand = SealByHand(_senderSeed, _senderIdentity, _recipientPublic, Message, Ad);
        Assert.Equal(Message, Sealer.Open(_recipientPrivate, _senderIdentity, byHand, Ad));
    }

    [Fact]
    public void Different_associated_data_is_refused()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, "envelope-id-2"u8));
    }

    [Fact]
    public void Every_flipped_bit_is_detected()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        for (var bit = 0; bit < sealedMessage.Length * 8; bit++)
        {
            var tampered = (byte[])sealedMessage.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            var ex = Assert.Throws<ProtocolViolationException>(() => Sealer.Open(_recipientPrivate, _senderIdentity, tampered, Ad));
            Assert.Equal(bit < 8 ? ProtocolViolationReason.UnsupportedVersion : ProtocolViolationReason.AuthenticationFailed, ex.Reason);
        }
    }

    [Fact]
    public void Every_truncation_is_detected()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        for (var length = 0; length < sealedMessage.Length; length++)
        {
            var ex = Assert.Throws<ProtocolViolationException>(() => Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage.AsSpan(0, length), Ad));
            Assert.Equal(length < Sealer.Overhead ? ProtocolViolationReason.Truncated : ProtocolViolationReason.AuthenticationFailed, ex.Reason);
        }
    }

    public static TheoryData<string> LowOrderPoints() => new(
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    [Theory]
    [MemberData(nameof(LowOrderPoints))]
    public void A_low_order_ephemeral_key_is_refused(string point)
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        Hex.Decode(point).CopyTo(sealedMessage, 1);

        AssertRefused(ProtocolViolationReason.InvalidKey, () => Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, Ad));
    }

    [Theory]
    [MemberData(nameof(LowOrderPoints))]
    public void Sealing_to_a_low_order_recipient_key_is_refused(string point)
    {
        AssertRefused(ProtocolViolationReason.InvalidKey, () => Sealer.Seal(_senderSeed, Hex.Decode(point), Message, Ad, _random));
    }

    [Fact]
    public void Unknown_version_is_refused()
    {
        var sealedMessage = Sealer.Seal(_senderSeed, _recipientPublic, Message, Ad, _random);
        sealedMessage[0] = 2;
        AssertRefused(ProtocolViolationReason.UnsupportedVersion, () => Sealer.Open(_recipientPrivate, _senderIdentity, sealedMessage, Ad));
    }

    /// <summary>The layout of docs/protocol.md ("Sealing to one recipient"), written out independently.</summary>
    private byte[] SealByHand(byte[] signerSeed, byte[] claimedSender, byte[] recipient, byte[] plaintext, byte[] ad)
    {
        var ephemeral = X25519.GeneratePrivateKey(_random);
        var ephemeralPublic = X25519.PublicKeyFrom(ephemeral);
        var shared = X25519.Agree(ephemeral, recipient);
        byte[] info = [.. "meshnode/v1/seal"u8, .. ephemeralPublic, .. recipient, .. claimedSender];
        var key = System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, shared, 32, [], info);
        var adLength = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(adLength, (uint)ad.Length);
        byte[] signed = [.. "meshnode/v1/seal-signature"u8, .. ephemeralPublic, .. recipient, .. adLength, .. ad, .. plaintext];
        byte[] inner = [.. Ed25519.Sign(signerSeed, signed), .. plaintext];
        byte[] header = [1, .. ephemeralPublic];
        var ciphertext = new byte[inner.Length];
        var tag = new byte[16];
        using var aead = new System.Security.Cryptography.ChaCha20Poly1305(key);
        byte[] aeadData = [.. header, .. ad];
        aead.Encrypt(new byte[12], inner, ciphertext, tag, aeadData);
        return [.. header, .. ciphertext, .. tag];
    }

    private static void AssertRefused(ProtocolViolationReason reason, Action action)
    {
        var ex = Assert.Throws<ProtocolViolationException>(action);
        Assert.Equal(reason, ex.Reason);
    }
}
