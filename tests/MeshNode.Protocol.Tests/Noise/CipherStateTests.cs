using System.Buffers.Binary;
using System.Security.Cryptography;
using MeshNode.Protocol.Noise;

namespace MeshNode.Protocol.Tests.Noise;

public sealed class CipherStateTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Without_a_key_data_passes_through()
    {
        using var state = new CipherState(NoiseCipher.ChaChaPoly);
        Assert.Equal("abc"u8.ToArray(), state.EncryptWithAd("ad"u8, "abc"u8));
        Assert.Equal(0UL, state.Nonce);
    }

    [Theory]
    [InlineData(NoiseCipher.ChaChaPoly)]
    [InlineData(NoiseCipher.AesGcm)]
    public void Encrypts_with_the_specified_nonce_layout(NoiseCipher cipher)
    {
        using var state = new CipherState(cipher);
        state.InitializeKey(Key);
        state.SetNonce(0x0102030405060708);
        var ciphertext = state.EncryptWithAd("ad"u8, "hello"u8);

        var nonce = new byte[12];
        if (cipher == NoiseCipher.ChaChaPoly)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(nonce.AsSpan(4), 0x0102030405060708);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), 0x0102030405060708);
        }

        Assert.Equal(Reference(cipher, Key, nonce, "hello"u8.ToArray(), "ad"u8.ToArray()), ciphertext);
        Assert.Equal(0x0102030405060709UL, state.Nonce);
    }

    [Fact]
    public void Rejects_flipped_bits_and_keeps_the_nonce()
    {
        using var sender = Keyed();
        using var receiver = Keyed();
        var ciphertext = sender.EncryptWithAd("ad"u8, "payload"u8);
        for (var bit = 0; bit < ciphertext.Length * 8; bit++)
        {
            var tampered = (byte[])ciphertext.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            var ex = Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd("ad"u8, tampered));
            Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
            Assert.Equal(0UL, receiver.Nonce);
        }

        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd("AD"u8, ciphertext)).Reason);
        Assert.Equal("payload"u8.ToArray(), receiver.DecryptWithAd("ad"u8, ciphertext));
        Assert.Equal(1UL, receiver.Nonce);
    }

    [Fact]
    public void Rejects_replayed_transport_message()
    {
        using var sender = Keyed();
        using var receiver = Keyed();
        var first = sender.EncryptWithAd([], "one"u8);
        receiver.DecryptWithAd([], first);

        var ex = Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd([], first));
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
    }

    [Fact]
    public void Rejects_ciphertext_shorter_than_a_tag()
    {
        using var receiver = Keyed();
        var ex = Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd([], new byte[15]));
        Assert.Equal(ProtocolViolationReason.Truncated, ex.Reason);
    }

    [Fact]
    public void Nonce_two_to_the_64_minus_one_is_never_used()
    {
        using var sender = Keyed();
        using var receiver = Keyed();
        sender.SetNonce(ulong.MaxValue - 1);
        receiver.SetNonce(ulong.MaxValue - 1);
        receiver.DecryptWithAd([], sender.EncryptWithAd([], "last"u8));

        Assert.Equal(ProtocolViolationReason.NonceExhausted, Assert.Throws<ProtocolViolationException>(() => sender.EncryptWithAd([], "x"u8)).Reason);
        Assert.Equal(ProtocolViolationReason.NonceExhausted, Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd([], new byte[16])).Reason);
    }

    [Fact]
    public void Rekey_derives_the_key_as_section_4_2_says_and_keeps_the_nonce()
    {
        using var state = Keyed();
        state.SetNonce(5);
        state.Rekey();
        Assert.Equal(5UL, state.Nonce);

        var maxNonce = new byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(maxNonce.AsSpan(4), ulong.MaxValue);
        var newKey = Reference(NoiseCipher.ChaChaPoly, Key, maxNonce, new byte[32], [])[..32];
        var nonce5 = new byte[12];
        nonce5[4] = 5;
        Assert.Equal(Reference(NoiseCipher.ChaChaPoly, newKey, nonce5, "x"u8.ToArray(), []), state.EncryptWithAd([], "x"u8));
    }

    [Fact]
    public void Both_sides_must_rekey_together()
    {
        using var sender = Keyed();
        using var receiver = Keyed();
        sender.Rekey();
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.Throws<ProtocolViolationException>(() => receiver.DecryptWithAd([], sender.EncryptWithAd([], "a"u8))).Reason);

        receiver.Rekey();
        receiver.SetNonce(sender.Nonce);
        Assert.Equal("b"u8.ToArray(), receiver.DecryptWithAd([], sender.EncryptWithAd([], "b"u8)));
    }

    [Fact]
    public void Noise_hkdf_is_rfc5869_hkdf_with_empty_info()
    {
        var chainingKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var ikm = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
        var ours = new byte[96];
        SymmetricState.NoiseHkdf(chainingKey, ikm, ours);
        Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 96, chainingKey, []), ours);

        // Empty ikm (Split): RFC 5869 extract then expand, which .NET computes from a PRK.
        var empty = new byte[64];
        SymmetricState.NoiseHkdf(chainingKey, [], empty);
        var prk = HMACSHA256.HashData(chainingKey, Array.Empty<byte>());
        Assert.Equal(HKDF.Expand(HashAlgorithmName.SHA256, prk, 64, []), empty);
    }

    [Fact]
    public void Disposed_state_refuses_use()
    {
        var state = Keyed();
        state.Dispose();
        Assert.Throws<ObjectDisposedException>(() => state.EncryptWithAd([], "x"u8));
    }

    private static CipherState Keyed()
    {
        var state = new CipherState(NoiseCipher.ChaChaPoly);
        state.InitializeKey(Key);
        return state;
    }

    private static byte[] Reference(NoiseCipher cipher, byte[] key, byte[] nonce, byte[] plaintext, byte[] ad)
    {
        var output = new byte[plaintext.Length + 16];
        if (cipher == NoiseCipher.ChaChaPoly)
        {
            using var aead = new ChaCha20Poly1305(key);
            aead.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), ad);
        }
        else
        {
            using var aead = new AesGcm(key, 16);
            aead.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), ad);
        }

        return output;
    }
}
