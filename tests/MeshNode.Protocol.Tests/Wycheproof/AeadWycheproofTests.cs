using System.Security.Cryptography;
using System.Text.Json;

namespace MeshNode.Protocol.Tests.Wycheproof;

/// <summary>
/// chacha20_poly1305_test.json and aes_gcm_test.json against the System.Security.Cryptography
/// AEADs that CipherState and the sealer use. Only 96-bit nonces are used here (Noise builds them
/// from a counter); .NET refuses every other size, which Wycheproof allows, and the tests assert
/// that refusal for every case of those groups.
/// </summary>
public sealed class AeadWycheproofTests
{
    private const string ChaChaFile = "testvectors_v1/chacha20_poly1305_test.json";
    private const string AesGcmFile = "testvectors_v1/aes_gcm_test.json";

    public static TheoryData<int> ChaChaGroups() => WycheproofFile.GroupRows(ChaChaFile);

    public static TheoryData<int> AesGcmGroups() => WycheproofFile.GroupRows(AesGcmFile);

    [Fact]
    public void Files_hold_the_expected_cases()
    {
        var chacha = WycheproofFile.Load(ChaChaFile);
        Assert.Equal(325, chacha.AllTests.Count());
        Assert.Equal((256, 0, 69), chacha.ResultCounts());
        Assert.Equal(316, chacha.Groups.Where(Is96).Sum(g => WycheproofFile.Tests(g).Count()));

        var gcm = WycheproofFile.Load(AesGcmFile);
        Assert.Equal(316, gcm.AllTests.Count());
        Assert.Equal((229, 0, 87), gcm.ResultCounts());
        Assert.Equal(197, gcm.Groups.Where(Is96).Sum(g => WycheproofFile.Tests(g).Count()));
    }

    [Theory]
    [MemberData(nameof(ChaChaGroups))]
    public void ChaCha20Poly1305_matches_every_case(int group) =>
        Run(WycheproofFile.Load(ChaChaFile).Groups[group], key => new Aead(new ChaCha20Poly1305(key)));

    [Theory]
    [MemberData(nameof(AesGcmGroups))]
    public void AesGcm_matches_every_96_bit_nonce_case(int group) =>
        Run(WycheproofFile.Load(AesGcmFile).Groups[group], key => new Aead(new AesGcm(key, 16)));

    private static void Run(JsonElement group, Func<byte[], Aead> create)
    {
        var is96 = Is96(group);
        foreach (var test in WycheproofFile.Tests(group))
        {
            var id = WycheproofFile.Id(test);
            var key = WycheproofFile.Bytes(test, "key");
            var nonce = WycheproofFile.Bytes(test, "iv");
            var aad = WycheproofFile.Bytes(test, "aad");
            var msg = WycheproofFile.Bytes(test, "msg");
            var ct = WycheproofFile.Bytes(test, "ct");
            var tag = WycheproofFile.Bytes(test, "tag");
            using var aead = create(key);
            var plaintext = new byte[ct.Length];
            if (!is96)
            {
                // A well-sized tag, so only the nonce size can be what is refused.
                Assert.ThrowsAny<ArgumentException>(() => aead.Decrypt(nonce, ct, new byte[16], plaintext, aad));
                continue;
            }

            if (WycheproofFile.Result(test) == "valid")
            {
                aead.Decrypt(nonce, ct, tag, plaintext, aad);
                Assert.True(msg.AsSpan().SequenceEqual(plaintext), $"tcId {id}: plaintext");
                var ourCt = new byte[msg.Length];
                var ourTag = new byte[16];
                aead.Encrypt(nonce, msg, ourCt, ourTag, aad);
                Assert.True(ct.AsSpan().SequenceEqual(ourCt) && tag.AsSpan().SequenceEqual(ourTag), $"tcId {id}: ciphertext");
            }
            else
            {
                Assert.ThrowsAny<CryptographicException>(() => aead.Decrypt(nonce, ct, tag, plaintext, aad));
            }
        }
    }

    private static bool Is96(JsonElement group) => group.GetProperty("ivSize").GetInt32() == 96;

    /// <summary>The two AEAD classes share no interface; this adapts them.</summary>
    private sealed class Aead(IDisposable inner) : IDisposable
    {
        public void Encrypt(byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag, byte[] aad)
        {
            if (inner is ChaCha20Poly1305 chacha)
            {
                chacha.Encrypt(nonce.AsSpan(), plaintext, ciphertext, tag, aad);
            }
            else
            {
                ((AesGcm)inner).Encrypt(nonce.AsSpan(), plaintext, ciphertext, tag, aad);
            }
        }

        public void Decrypt(byte[] nonce, byte[] ciphertext, byte[] tag, byte[] plaintext, byte[] aad)
        {
            if (tag.Length != 16)
            {
                // A truncated tag is a forgery attempt here; the AEAD APIs refuse it with ArgumentException.
                throw new AuthenticationTagMismatchException();
            }

            if (inner is ChaCha20Poly1305 chacha)
            {
                chacha.Decrypt(nonce.AsSpan(), ciphertext, tag, plaintext, aad);
            }
            else
            {
                ((AesGcm)inner).Decrypt(nonce.AsSpan(), ciphertext, tag, plaintext, aad);
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
