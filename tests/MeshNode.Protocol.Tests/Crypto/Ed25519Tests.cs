using System.Numerics;
using System.Text.Json;
using MeshNode.Protocol.Crypto;
using MeshNode.Testing;

namespace MeshNode.Protocol.Tests.Crypto;

/// <summary>RFC 8032 section 7.1 known answers (../shared/vectors/rfc/rfc8032-ed25519.json) and the wrapper's rules.</summary>
public sealed class Ed25519Tests
{
    private static readonly Lazy<JsonElement> Rfc = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.Vector("rfc", "rfc8032-ed25519.json")));
        return document.RootElement.Clone();
    });

    public static TheoryData<string> Names() =>
        new(Rfc.Value.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("name").GetString()!));

    [Fact]
    public void File_holds_the_five_rfc_tests()
    {
        string[] expected = ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"];
        Assert.Equal(expected, Rfc.Value.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Derives_signs_and_verifies_as_rfc_8032_says(string name)
    {
        var (seed, publicKey, message, signature) = Test(name);
        Assert.Equal(Hex.Encode(publicKey), Hex.Encode(Ed25519.PublicKeyFrom(seed)));
        Assert.Equal(Hex.Encode(signature), Hex.Encode(Ed25519.Sign(seed, message)));
        Assert.True(Ed25519.Verify(publicKey, message, signature));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Any_flipped_bit_of_message_or_signature_fails(string name)
    {
        var (_, publicKey, message, signature) = Test(name);
        for (var bit = 0; bit < message.Length * 8; bit++)
        {
            var m = (byte[])message.Clone();
            m[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Ed25519.Verify(publicKey, m, signature), $"message bit {bit}");
        }

        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var s = (byte[])signature.Clone();
            s[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Ed25519.Verify(publicKey, message, s), $"signature bit {bit}");
        }
    }

    [Fact]
    public void Refuses_a_non_canonical_s()
    {
        // S + L verifies under a cofactor-less equation in some libraries; RFC 8032 section 5.1.7 says reject S >= L.
        var (_, publicKey, message, signature) = Test("TEST 1");
        var l = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true) + l;
        var malleated = (byte[])signature.Clone();
        Assert.True(s.TryWriteBytes(malleated.AsSpan(32), out _, isUnsigned: true));

        Assert.False(Ed25519.Verify(publicKey, message, malleated));
        Assert.False(Ed25519.IsCanonicalScalar(malleated.AsSpan(32)));
        Assert.True(Ed25519.IsCanonicalScalar(signature.AsSpan(32)));
    }

    [Fact]
    public void Wrong_lengths_do_not_verify_and_do_not_throw()
    {
        var (_, publicKey, message, signature) = Test("TEST 2");
        Assert.False(Ed25519.Verify(publicKey.AsSpan(1), message, signature));
        Assert.False(Ed25519.Verify(publicKey, message, signature.AsSpan(1)));
        Assert.False(Ed25519.Verify([], message, []));
        Assert.False(Ed25519.Verify(new byte[32], message, signature));
    }

    [Fact]
    public void Signing_into_a_span_matches_the_array_form()
    {
        var (seed, _, message, signature) = Test("TEST 3");
        var buffer = new byte[70];
        Ed25519.Sign(seed, message, buffer);
        Assert.Equal(signature, buffer[..64]);
        Assert.Throws<ArgumentException>(() => Ed25519.Sign(seed, message, new byte[63]));
        Assert.Throws<ArgumentException>(() => Ed25519.Sign(new byte[31], message));
    }

    private static (byte[] Seed, byte[] PublicKey, byte[] Message, byte[] Signature) Test(string name)
    {
        var test = Rfc.Value.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        return (
            Hex.Decode(test.GetProperty("secret_key").GetString()),
            Hex.Decode(test.GetProperty("public_key").GetString()),
            Hex.Decode(test.GetProperty("message").GetString()),
            Hex.Decode(test.GetProperty("signature").GetString()));
    }
}
