using System.Text.Json;
using MeshNode.Protocol.Crypto;
using MeshNode.Testing;

namespace MeshNode.Protocol.Tests.Crypto;

/// <summary>RFC 7748 known answers (../shared/vectors/rfc/rfc7748-x25519.json) and the wrapper's rules.</summary>
public sealed class X25519Tests
{
    private static readonly Lazy<JsonElement> Rfc = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.Vector("rfc", "rfc7748-x25519.json")));
        return document.RootElement.Clone();
    });

    public static TheoryData<int> ScalarMultRows() => new(0, 1);

    [Fact]
    public void File_holds_two_scalar_mult_vectors_and_three_iteration_counts()
    {
        Assert.Equal(2, Rfc.Value.GetProperty("scalar_mult").GetArrayLength());
        Assert.Equal([1, 1000, 1000000], Rfc.Value.GetProperty("iterated").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("iterations").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(ScalarMultRows))]
    public void Scalar_mult_matches_rfc_7748_section_5_2(int index)
    {
        var vector = Rfc.Value.GetProperty("scalar_mult")[index];
        var output = X25519.Agree(Hex.Decode(vector.GetProperty("scalar").GetString()), Hex.Decode(vector.GetProperty("u").GetString()));
        Assert.Equal(vector.GetProperty("output").GetString(), Hex.Encode(output));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void Iteration_test_matches_rfc_7748(int iterations) => Iterate(iterations);

    [SlowFact]
    public void Iteration_test_matches_rfc_7748_after_a_million_iterations() => Iterate(1000000);

    [Fact]
    public void Diffie_hellman_example_of_section_6_1()
    {
        var dh = Rfc.Value.GetProperty("diffie_hellman");
        var alicePrivate = Hex.Decode(dh.GetProperty("alice_private").GetString());
        var bobPrivate = Hex.Decode(dh.GetProperty("bob_private").GetString());
        Assert.Equal(dh.GetProperty("alice_public").GetString(), Hex.Encode(X25519.PublicKeyFrom(alicePrivate)));
        Assert.Equal(dh.GetProperty("bob_public").GetString(), Hex.Encode(X25519.PublicKeyFrom(bobPrivate)));
        Assert.Equal(dh.GetProperty("shared").GetString(), Hex.Encode(X25519.Agree(alicePrivate, X25519.PublicKeyFrom(bobPrivate))));
        Assert.Equal(dh.GetProperty("shared").GetString(), Hex.Encode(X25519.Agree(bobPrivate, X25519.PublicKeyFrom(alicePrivate))));
    }

    [Fact]
    public void Refuses_the_all_zero_secret_of_a_low_order_point()
    {
        var privateKey = X25519.GeneratePrivateKey(new DeterministicRandomSource(3));
        var shared = new byte[32];
        shared.AsSpan().Fill(0xAA);
        Assert.False(X25519.TryAgree(privateKey, new byte[32], shared));
        Assert.Equal(new byte[32], shared);
        var ex = Assert.Throws<ProtocolViolationException>(() => X25519.Agree(privateKey, new byte[32]));
        Assert.Equal(ProtocolViolationReason.InvalidKey, ex.Reason);
    }

    [Fact]
    public void Wrong_key_lengths_are_argument_errors()
    {
        Assert.Throws<ArgumentException>(() => X25519.Agree(new byte[31], new byte[32]));
        Assert.Throws<ArgumentException>(() => X25519.Agree(new byte[32], new byte[33]));
        Assert.Throws<ArgumentException>(() => X25519.PublicKeyFrom(new byte[16]));
    }

    [Fact]
    public void Generated_keys_come_from_the_injected_source()
    {
        Assert.Equal(X25519.GeneratePrivateKey(new DeterministicRandomSource(9)), X25519.GeneratePrivateKey(new DeterministicRandomSource(9)));
        Assert.NotEqual(X25519.GeneratePrivateKey(SystemRandomSource.Instance), X25519.GeneratePrivateKey(SystemRandomSource.Instance));
    }

    private static void Iterate(int iterations)
    {
        var iterated = Rfc.Value.GetProperty("iterated");
        var k = Hex.Decode(iterated.GetProperty("initial").GetString());
        var u = (byte[])k.Clone();
        for (var i = 0; i < iterations; i++)
        {
            var r = X25519.Agree(k, u);
            u = k;
            k = r;
        }

        var expected = iterated.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("iterations").GetInt32() == iterations);
        Assert.Equal(expected.GetProperty("k").GetString(), Hex.Encode(k));
    }
}
