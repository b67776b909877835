using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Tests.Wycheproof;

/// <summary>ed25519_test.json (verify) and the legacy eddsa_test.json (sign, derive, verify) through our Ed25519 wrapper.</summary>
public sealed class Ed25519WycheproofTests
{
    private const string VerifyFile = "testvectors_v1/ed25519_test.json";
    private const string SignFile = "testvectors/eddsa_test.json";

    public static TheoryData<int> VerifyGroups() => WycheproofFile.GroupRows(VerifyFile);

    public static TheoryData<int> SignGroups() => WycheproofFile.GroupRows(SignFile);

    [Fact]
    public void Files_hold_the_expected_cases()
    {
        var verify = WycheproofFile.Load(VerifyFile);
        Assert.Equal(150, verify.AllTests.Count());
        Assert.Equal((88, 0, 62), verify.ResultCounts());
        var sign = WycheproofFile.Load(SignFile);
        Assert.Equal(145, sign.AllTests.Count());
        Assert.Equal((84, 0, 61), sign.ResultCounts());
    }

    [Theory]
    [MemberData(nameof(VerifyGroups))]
    public void Verify_accepts_exactly_the_valid_signatures(int group)
    {
        var g = WycheproofFile.Load(VerifyFile).Groups[group];
        var publicKey = Convert.FromHexString(g.GetProperty("publicKey").GetProperty("pk").GetString()!);
        var failures = new List<int>();
        foreach (var test in WycheproofFile.Tests(g))
        {
            var valid = Ed25519.Verify(publicKey, WycheproofFile.Bytes(test, "msg"), WycheproofFile.Bytes(test, "sig"));
            if (valid != (WycheproofFile.Result(test) == "valid"))
            {
                failures.Add(WycheproofFile.Id(test));
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(SignGroups))]
    public void Sign_reproduces_every_valid_signature_and_verify_rejects_the_invalid(int group)
    {
        var g = WycheproofFile.Load(SignFile).Groups[group];
        var seed = Convert.FromHexString(g.GetProperty("key").GetProperty("sk").GetString()!);
        var publicKey = Convert.FromHexString(g.GetProperty("key").GetProperty("pk").GetString()!);
        Assert.Equal(publicKey, Ed25519.PublicKeyFrom(seed));
        foreach (var test in WycheproofFile.Tests(g))
        {
            var message = WycheproofFile.Bytes(test, "msg");
            var signature = WycheproofFile.Bytes(test, "sig");
            var id = WycheproofFile.Id(test);
            if (WycheproofFile.Result(test) == "valid")
            {
                Assert.Equal(Convert.ToHexStringLower(signature), Convert.ToHexStringLower(Ed25519.Sign(seed, message)));
                Assert.True(Ed25519.Verify(publicKey, message, signature), $"tcId {id}");
            }
            else
            {
                Assert.False(Ed25519.Verify(publicKey, message, signature), $"tcId {id}");
            }
        }
    }
}
