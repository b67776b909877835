using System.Text;
using System.Text.Json;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Tests.Wire;
using MeshNode.Testing;

namespace MeshNode.Protocol.Tests.Fernet;

public class FernetCodecTests
{
    public static TheoryData<int> GenerateCases() => Indexes("generate.json");

    public static TheoryData<int> VerifyCases() => Indexes("verify.json");

    public static TheoryData<int> InvalidCases() => Indexes("invalid.json");

    [Theory]
    [MemberData(nameof(GenerateCases))]
    public void Generates_the_spec_tokens(int index)
    {
        var entry = Load("generate.json")[index];
        var now = DateTimeOffset.Parse(entry.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var iv = entry.GetProperty("iv").EnumerateArray().Select(e => (byte)e.GetInt32()).ToArray();
        using var codec = FernetCodec.FromBase64UrlKey(entry.GetProperty("secret").GetString()!, new ManualTimeProvider(now), new SeededRandomSource(1));

        var token = codec.EncryptToBytes(Encoding.UTF8.GetBytes(entry.GetProperty("src").GetString()!), iv, now.ToUnixTimeSeconds());

        Assert.Equal(entry.GetProperty("token").GetString(), Base64Url.Encode(token));
    }

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void Verifies_the_spec_tokens(int index)
    {
        var entry = Load("verify.json")[index];
        using var codec = CodecAt(entry);
        var plain = codec.Decrypt(entry.GetProperty("token").GetString()!, TimeSpan.FromSeconds(entry.GetProperty("ttl_sec").GetInt32()));
        Assert.Equal(entry.GetProperty("src").GetString(), Encoding.UTF8.GetString(plain));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Refuses_the_spec_invalid_tokens(int index)
    {
        var entry = Load("invalid.json")[index];
        using var codec = CodecAt(entry);
        var ex = Assert.Throws<ProtocolViolationException>(
            () => codec.Decrypt(entry.GetProperty("token").GetString()!, TimeSpan.FromSeconds(entry.GetProperty("ttl_sec").GetInt32())));
        var expected = entry.GetProperty("desc").GetString() switch
        {
            "incorrect mac" => ProtocolViolationReason.AuthenticationFailed,
            "far-future timestamp (unacceptable clock skew)" or "expired ttl" => ProtocolViolationReason.StaleTimestamp,
            _ => ProtocolViolationReason.MalformedMessage,
        };
        Assert.Equal(expected, ex.Reason);
    }

    [Fact]
    public void Round_trips_with_a_random_iv_and_the_current_time()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var codec = new FernetCodec(new byte[32], time, new SeededRandomSource(7));
        var token = codec.Encrypt("hello mesh"u8);
        Assert.Equal("hello mesh", Encoding.UTF8.GetString(codec.Decrypt(token, TimeSpan.FromMinutes(1))));
        Assert.Equal("hello mesh", Encoding.UTF8.GetString(codec.DecryptBytes(codec.EncryptToBytes("hello mesh"u8), null)));
    }

    [Fact]
    public void Accepts_a_timestamp_within_the_clock_skew_and_refuses_beyond()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var codec = new FernetCodec(new byte[32], time, new SeededRandomSource(7));
        var token = codec.EncryptToBytes("x"u8);
        time.Advance(TimeSpan.FromSeconds(-60));
        Assert.Equal("x"u8.ToArray(), codec.DecryptBytes(token, null));
        time.Advance(TimeSpan.FromSeconds(-1));
        Assert.Equal(ProtocolViolationReason.StaleTimestamp, Assert.Throws<ProtocolViolationException>(() => codec.DecryptBytes(token, null)).Reason);
    }

    [Fact]
    public void Refuses_a_token_under_another_key()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var a = new FernetCodec(new byte[32], time, new SeededRandomSource(7));
        var otherKey = new byte[32];
        otherKey[0] = 1;
        using var b = new FernetCodec(otherKey, time, new SeededRandomSource(7));
        var ex = Assert.Throws<ProtocolViolationException>(() => b.DecryptBytes(a.EncryptToBytes("x"u8), null));
        Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
    }

    [Fact]
    public void Detects_every_flipped_bit()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var codec = new FernetCodec(new byte[32], time, new SeededRandomSource(7));
        var token = codec.EncryptToBytes("bits"u8);
        for (var bit = 0; bit < token.Length * 8; bit++)
        {
            var copy = (byte[])token.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<ProtocolViolationException>(() => codec.DecryptBytes(copy, null));
        }
    }

    [Fact]
    public void Refuses_a_token_longer_than_the_maximum_before_decoding()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var codec = new FernetCodec(new byte[32], time, new SeededRandomSource(7), maxTokenBytes: 200);
        var ex = Assert.Throws<ProtocolViolationException>(() => codec.DecryptBytes(new byte[201], null));
        Assert.Equal(ProtocolViolationReason.LimitExceeded, ex.Reason);
        Assert.Throws<ProtocolViolationException>(() => codec.Decrypt(new string('A', 400), null));
    }

    [Fact]
    public void Refuses_use_after_dispose()
    {
        var codec = new FernetCodec(new byte[32], TimeProvider.System, new SeededRandomSource(7));
        var token = codec.EncryptToBytes("x"u8);
        codec.Dispose();
        Assert.Throws<ObjectDisposedException>(() => codec.DecryptBytes(token, null));
    }

    private static FernetCodec CodecAt(JsonElement entry)
    {
        var now = DateTimeOffset.Parse(entry.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return FernetCodec.FromBase64UrlKey(entry.GetProperty("secret").GetString()!, new ManualTimeProvider(now), new SeededRandomSource(1));
    }

    private static JsonElement[] Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Vector("fernet", file)));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static TheoryData<int> Indexes(string file)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load(file).Length; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
