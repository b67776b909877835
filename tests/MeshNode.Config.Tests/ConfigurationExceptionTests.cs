namespace MeshNode.Config.Tests;

public sealed class ConfigurationExceptionTests
{
    [Fact]
    public void Message_starts_with_file_line_and_column()
    {
        var e = new ConfigurationException(ConfigurationErrorReason.Syntax, "unexpected '}'", "a.conf", 3, 7);
        Assert.Equal("a.conf:3:7: unexpected '}'", e.Message);
        Assert.Equal("unexpected '}'", e.Detail);
    }

    [Fact]
    public void Message_without_position_is_the_detail_or_the_file()
    {
        Assert.Equal("bad", new ConfigurationException(ConfigurationErrorReason.InvalidValue, "bad", key: "mesh.x").Message);
        Assert.Equal("f.conf: too big", new ConfigurationException(ConfigurationErrorReason.LimitExceeded, "too big", "f.conf").Message);
    }

    [Fact]
    public void Parse_errors_of_strings_are_attributed_to_the_source_name()
    {
        var e = Assert.Throws<ConfigurationException>(() => Hocon.HoconTestHelpers.Load("a {"));
        Assert.StartsWith("<string>:1:3: unterminated object", e.Message, StringComparison.Ordinal);
    }
}
