using MeshNode.Config.Hocon;

namespace MeshNode.Config.Tests.Hocon;

public sealed class HoconUnitsTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1 milli", 1)]
    [InlineData("0.5s", 500)]
    [InlineData("4000", 4000)]
    [InlineData(" 3 s ", 3000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("3 days", 259_200_000)]
    [InlineData("2000 micros", 2)]
    public void Parses_durations_with_milliseconds_as_default_unit(string text, long milliseconds)
    {
        Assert.True(HoconUnits.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Fact]
    public void Infinite_is_the_dotnet_infinite_timeout()
    {
        Assert.True(HoconUnits.TryParseDuration("infinite", out var value));
        Assert.Equal(Timeout.InfiniteTimeSpan, value);
    }

    [Fact]
    public void Nanoseconds_keep_tick_precision()
    {
        Assert.True(HoconUnits.TryParseDuration("4878955355435272204ns", out var value));
        Assert.Equal(48789553554352722L, value.Ticks);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("5 S")]
    [InlineData("5 sec")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1e400s")]
    [InlineData("99999999999999999999 days")]
    public void Rejects_bad_durations(string text)
    {
        Assert.False(HoconUnits.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("64KiB", 65_536)]
    [InlineData("1M", 1_048_576)]
    [InlineData("1m", 1_048_576)]
    [InlineData("1024K", 1_048_576)]
    [InlineData("0.5M", 524_288)]
    [InlineData("1kB", 1000)]
    [InlineData("1 MB", 1_000_000)]
    [InlineData("1000B", 1000)]
    [InlineData("1048576", 1_048_576)]
    [InlineData("2 gibibytes", 2_147_483_648)]
    [InlineData("3 megabytes", 3_000_000)]
    [InlineData("1G", 1_073_741_824)]
    public void Parses_sizes_with_powers_of_ten_and_two_as_the_spec_says(string text, long bytes)
    {
        Assert.True(HoconUnits.TryParseSize(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("1YB")]
    [InlineData("big")]
    [InlineData("1 KB")]
    [InlineData("1 mb")]
    public void Rejects_bad_or_overflowing_sizes(string text)
    {
        Assert.False(HoconUnits.TryParseSize(text, out _));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Parses_the_six_boolean_spellings(string text, bool expected)
    {
        Assert.True(HoconUnits.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("enabled")]
    public void Rejects_other_boolean_spellings(string text)
    {
        Assert.False(HoconUnits.TryParseBoolean(text, out _));
    }
}
