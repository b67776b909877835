using System.Security.Cryptography;

namespace MeshNode.Protocol.Tests.Wycheproof;

/// <summary>hkdf_sha256, hmac_sha256 (with truncated tags) and pbkdf2_hmacsha256 against the System primitives used here.</summary>
public sealed class KdfWycheproofTests
{
    private const string HkdfFile = "testvectors_v1/hkdf_sha256_test.json";
    private const string HmacFile = "testvectors_v1/hmac_sha256_test.json";
    private const string Pbkdf2File = "testvectors_v1/pbkdf2_hmacsha256_test.json";

    public static TheoryData<int> HkdfGroups() => WycheproofFile.GroupRows(HkdfFile);

    public static TheoryData<int> HmacGroups() => WycheproofFile.GroupRows(HmacFile);

    public static TheoryData<int> Pbkdf2Groups() => WycheproofFile.GroupRows(Pbkdf2File);

    [Fact]
    public void Files_hold_the_expected_cases()
    {
        Assert.Equal((83, 0, 3), WycheproofFile.Load(HkdfFile).ResultCounts());
        Assert.Equal((66, 0, 108), WycheproofFile.Load(HmacFile).ResultCounts());
        Assert.Equal((60, 0, 0), WycheproofFile.Load(Pbkdf2File).ResultCounts());
    }

    [Theory]
    [MemberData(nameof(HkdfGroups))]
    public void Hkdf_matches_every_case(int group)
    {
        foreach (var test in WycheproofFile.Tests(WycheproofFile.Load(HkdfFile).Groups[group]))
        {
            var ikm = WycheproofFile.Bytes(test, "ikm");
            var salt = WycheproofFile.Bytes(test, "salt");
            var info = WycheproofFile.Bytes(test, "info");
            var size = test.GetProperty("size").GetInt32();
            if (WycheproofFile.Result(test) == "valid")
            {
                var okm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, size, salt, info);
                Assert.Equal(Convert.ToHexStringLower(WycheproofFile.Bytes(test, "okm")), Convert.ToHexStringLower(okm));
            }
            else
            {
                Assert.ThrowsAny<ArgumentException>(() => HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, size, salt, info));
            }
        }
    }

    [Theory]
    [MemberData(nameof(HmacGroups))]
    public void Hmac_truncated_to_the_tag_size_matches_exactly_the_valid_cases(int group)
    {
        var g = WycheproofFile.Load(HmacFile).Groups[group];
        var tagBytes = g.GetProperty("tagSize").GetInt32() / 8;
        foreach (var test in WycheproofFile.Tests(g))
        {
            var mac = HMACSHA256.HashData(WycheproofFile.Bytes(test, "key"), WycheproofFile.Bytes(test, "msg"));
            var matches = CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, tagBytes), WycheproofFile.Bytes(test, "tag"));
            Assert.True(matches == (WycheproofFile.Result(test) == "valid"), $"tcId {WycheproofFile.Id(test)}");
        }
    }

    [Theory]
    [MemberData(nameof(Pbkdf2Groups))]
    public void Pbkdf2_matches_every_case(int group)
    {
        foreach (var test in WycheproofFile.Tests(WycheproofFile.Load(Pbkdf2File).Groups[group]))
        {
            var dk = Rfc2898DeriveBytes.Pbkdf2(
                WycheproofFile.Bytes(test, "password"),
                WycheproofFile.Bytes(test, "salt"),
                test.GetProperty("iterationCount").GetInt32(),
                HashAlgorithmName.SHA256,
                test.GetProperty("dkLen").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(WycheproofFile.Bytes(test, "dk")), Convert.ToHexStringLower(dk));
        }
    }
}
