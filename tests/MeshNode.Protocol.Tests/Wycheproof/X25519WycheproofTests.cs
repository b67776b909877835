using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Tests.Wycheproof;

/// <summary>
/// x25519_test.json through our X25519 wrapper. Our rule: an all-zero shared secret is refused
/// (TryAgree false, Agree throws InvalidKey); every other case, valid or acceptable, must agree
/// on exactly the expected secret.
/// </summary>
public sealed class X25519WycheproofTests
{
    private const string FileName = "testvectors_v1/x25519_test.json";

    public static TheoryData<int> Groups() => WycheproofFile.GroupRows(FileName);

    [Fact]
    public void File_holds_the_expected_cases()
    {
        var file = WycheproofFile.Load(FileName);
        Assert.Equal(518, file.DeclaredTests);
        Assert.Equal(518, file.AllTests.Count());
        Assert.Equal((265, 253, 0), file.ResultCounts());
        Assert.Equal(31, file.AllTests.Count(IsZeroSecret));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_case_follows_the_zero_secret_rule(int group)
    {
        var checkedCases = 0;
        foreach (var test in WycheproofFile.Tests(WycheproofFile.Load(FileName).Groups[group]))
        {
            var id = WycheproofFile.Id(test);
            var privateKey = WycheproofFile.Bytes(test, "private");
            var publicKey = WycheproofFile.Bytes(test, "public");
            var expected = WycheproofFile.Bytes(test, "shared");
            var shared = new byte[32];
            var agreed = X25519.TryAgree(privateKey, publicKey, shared);
            if (IsZeroSecret(test))
            {
                Assert.True(!agreed, $"tcId {id}: an all-zero shared secret must be refused");
                Assert.Equal(new byte[32], shared);
                var ex = Assert.Throws<ProtocolViolationException>(() => X25519.Agree(privateKey, publicKey));
                Assert.Equal(ProtocolViolationReason.InvalidKey, ex.Reason);
            }
            else
            {
                Assert.True(agreed, $"tcId {id} ({WycheproofFile.Result(test)}) was refused");
                Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(shared));
            }

            checkedCases++;
        }

        Assert.True(checkedCases > 0);
    }

    private static bool IsZeroSecret(System.Text.Json.JsonElement test) =>
        test.GetProperty("shared").GetString() == new string('0', 64);
}
