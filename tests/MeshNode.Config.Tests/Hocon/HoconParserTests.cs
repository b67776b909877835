using MeshNode.Config.Hocon;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>Syntax rules of HOCON.md, each from its section, and the errors for bad syntax.</summary>
public sealed class HoconParserTests
{
    private static string C(string text) => HoconTestHelpers.Canonical(HoconTestHelpers.Load(text));

    [Theory]
    [InlineData("a = [1,2,3,]", "{\"a\":[1,2,3,],}")]
    [InlineData("a = [1\n2\n3]", "{\"a\":[1,2,3,],}")]
    [InlineData("a = [ 1 2 3 4 ]", "{\"a\":[\"1 2 3 4\",],}")]
    [InlineData("a = [ [ 1, 2 ] [ 3, 4 ] ]", "{\"a\":[[1,2,3,4,],],}")]
    [InlineData("a = [ [ 1, 2 ]\n [ 3, 4 ] ]", "{\"a\":[[1,2,],[3,4,],],}")]
    [InlineData("a : { b : 1 } { c : 2 }", "{\"a\":{\"b\":1,\"c\":2,},}")]
    [InlineData("a : { b : 1 }\na : { c : 2 }", "{\"a\":{\"b\":1,\"c\":2,},}")]
    [InlineData("foo : { a : 42 }, foo : null, foo : { b : 43 }", "{\"foo\":{\"b\":43,},}")]
    [InlineData("a b c : 42", "{\"a b c\":42,}")]
    [InlineData("true : 42", "{\"true\":42,}")]
    [InlineData("3.14 : 42", "{\"3\":{\"14\":42,},}")]
    [InlineData("10.0foo : 1", "{\"10\":{\"0foo\":1,},}")]
    [InlineData("foo10.0 : 1", "{\"foo10\":{\"0\":1,},}")]
    [InlineData("foo\"10.0\" : 1", "{\"foo10.0\":1,}")]
    [InlineData("a.\"\".b : 1", "{\"a\":{\"\":{\"b\":1,},},}")]
    [InlineData("{ foo include : 42 }", "{\"foo include\":42,}")]
    [InlineData("{ foo : include }", "{\"foo\":\"include\",}")]
    [InlineData("{ \"include\" : 42 }", "{\"include\":42,}")]
    [InlineData("a = truefoo", "{\"a\":\"truefoo\",}")]
    [InlineData("a = footrue", "{\"a\":\"footrue\",}")]
    [InlineData("a =   foo bar baz   ", "{\"a\":\"foo bar baz\",}")]
    [InlineData("a = true", "{\"a\":true,}")]
    [InlineData("a = 1e5", "{\"a\":100000,}")]
    [InlineData("a = -7.5", "{\"a\":-7.5,}")]
    [InlineData("a = \"x\\ty\\u0041\"", "{\"a\":\"x\tyA\",}")]
    [InlineData("a = \"\"\"x\\ny\"\"\"", "{\"a\":\"x\\\\ny\",}")]
    [InlineData("a { b { c = 1 } }", "{\"a\":{\"b\":{\"c\":1,},},}")]
    [InlineData("", "{}")]
    [InlineData("# only a comment", "{}")]
    [InlineData("a = 1 // comment\nb = 2 # another", "{\"a\":1,\"b\":2,}")]
    [InlineData("\uFEFFa\u00A0=\u2007b", "{\"a\":\"b\",}")]
    public void Parses_as_the_spec_says(string text, string expected)
    {
        Assert.Equal(expected, C(text));
    }

    [Fact]
    public void Url_like_values_need_quotes_because_double_slash_starts_a_comment()
    {
        Assert.Equal("http://x/y", HoconTestHelpers.Load("a = \"http://x/y\"").Str("a"));
    }

    [Fact]
    public void Keeps_origin_file_line_and_column_of_each_value()
    {
        var root = HoconLoader.ParseString("a {\n  b = 1\n  c = [x, \"y\"]\n}", "my.conf");
        var b = root.At("a.b")!;
        Assert.Equal(new HoconOrigin("my.conf", 2, 7), b.Origin);
        var y = ((HoconArray)root.At("a.c")!).Items[1];
        Assert.Equal(new HoconOrigin("my.conf", 3, 11), y.Origin);
    }

    [Theory]
    [InlineData("a = \"abc", 1, 5, "unterminated quoted string")]
    [InlineData("a = \"\"\"abc", 1, 5, "unterminated triple-quoted")]
    [InlineData("a {\n b = 1\n", 1, 3, "unterminated object")]
    [InlineData("a = [1, 2", 1, 5, "unterminated array")]
    [InlineData("a = 1\n}", 2, 1, "unbalanced '}'")]
    [InlineData("a = [1,,2]", 1, 8, "two commas")]
    [InlineData("a = [,1]", 1, 6, "unexpected ','")]
    [InlineData("a = 1,,\nb = 2", 1, 7, "two commas")]
    [InlineData("a..b = 1", 1, 3, "empty path element")]
    [InlineData(".a = 1", 1, 1, "empty path element")]
    [InlineData("a. = 1", 1, 4, "empty path element")]
    [InlineData("a = ${b", 1, 5, "unterminated substitution")]
    [InlineData("a = ${}", 1, 7, "empty substitution")]
    [InlineData("a = ${b.{}", 1, 9, "in a substitution")]
    [InlineData("a = $b", 1, 5, "'$' is reserved")]
    [InlineData("a = b + c", 1, 7, "'+' is reserved")]
    [InlineData("a = \"x\\q\"", 1, 7, "bad escape")]
    [InlineData("a = \"x\\u12\"", 1, 7, "bad \\u escape")]
    [InlineData("a = \"x\ny\"", 1, 5, "newline before the closing")]
    [InlineData("a b", 1, 4, "expected ':', '=', '+=' or '{'")]
    [InlineData("a = { b = 1 } [ 2 ]", 1, 5, "cannot concatenate")]
    [InlineData("a = x [ 2 ]", 1, 5, "cannot concatenate")]
    [InlineData("[1, 2]", 1, 1, "must be an object")]
    [InlineData("{ a = 1 } b", 1, 11, "after the root object")]
    [InlineData("include foo", 1, 9, "expected a quoted file name")]
    [InlineData("include bogus(\"x\")", 1, 9, "expected a quoted file name")]
    [InlineData("include required(file\"x\")", 1, 1, "unknown include form")]
    [InlineData("include file(\"x\" ", 1, 18, "expected ')'")]
    [InlineData("a = 1 b = 2", 1, 9, "after a field")]
    [InlineData("a = ?", 1, 5, "'?' is reserved")]
    [InlineData("a = http://x/y", 1, 9, "after a field")]
    public void Rejects_bad_syntax_with_position_and_what_was_expected(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Equal("<string>", e.File);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit_instead_of_overflowing_the_stack()
    {
        var text = "a = " + new string('[', 100_000);
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load(text));
        Assert.Equal(ConfigurationErrorReason.LimitExceeded, e.Reason);
    }

    [Fact]
    public void Rejects_url_and_classpath_includes_as_unsupported()
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load("include url(\"http://example.com/a.conf\")"));
        Assert.Equal(ConfigurationErrorReason.Include, e.Reason);
        Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load("include classpath(\"a.conf\")"));
    }

    [Fact]
    public void Include_forms_with_whitespace_inside_parentheses_are_accepted()
    {
        var files = new Dictionary<string, string> { ["/cfg/x.conf"] = "x = 1", ["/cfg/y.conf"] = "y = 2" };
        var root = HoconLoader.ParseString(
            "include required( file( \"x.conf\" ) )\ninclude\n  \"y.conf\"\ninclude \"missing.conf\"",
            "main.conf",
            "/cfg",
            p => files.GetValueOrDefault(p));
        Assert.Equal("{\"x\":1,\"y\":2,}", HoconTestHelpers.Canonical(HoconLoader.Resolve(root, null)));
    }

    [Fact]
    public void Missing_required_include_fails_with_its_position()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            HoconLoader.ParseString("a = 1\ninclude required(\"gone.conf\")", "main.conf", "/cfg", _ => null));
        Assert.Equal(ConfigurationErrorReason.Include, e.Reason);
        Assert.Equal(("main.conf", 2, 18), (e.File, e.Line, e.Column));
        Assert.Contains("gone.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_array_root_is_rejected()
    {
        var files = new Dictionary<string, string> { ["/cfg/arr.json"] = "[1, 2]" };
        var e = Assert.Throws<ConfigurationException>(() =>
            HoconLoader.ParseString("include \"arr.json\"", "main.conf", "/cfg", p => files.GetValueOrDefault(p)));
        Assert.Equal(ConfigurationErrorReason.Syntax, e.Reason);
        Assert.Equal("/cfg/arr.json", e.File);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var files = new Dictionary<string, string> { ["/cfg/bad.json"] = "{\n  \"a\": 1,\n}" };
        var e = Assert.Throws<ConfigurationException>(() =>
            HoconLoader.ParseString("include \"bad.json\"", "main.conf", "/cfg", p => files.GetValueOrDefault(p)));
        Assert.Equal(("/cfg/bad.json", 3), (e.File, e.Line));
    }
}
