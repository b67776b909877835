using MeshNode.Config.Hocon;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>Substitutions, self-references, += and cycles, from the examples of HOCON.md.</summary>
public sealed class HoconResolverTests
{
    private static string C(string text, IReadOnlyDictionary<string, string>? env = null) =>
        HoconTestHelpers.Canonical(HoconTestHelpers.Load(text, env));

    [Theory]
    [InlineData("path : \"a:b:c\"\npath : ${path}\":d\"", "{\"path\":\"a:b:c:d\",}")]
    [InlineData("path = [ /bin ]\npath = ${path} [ /usr/bin ]", "{\"path\":[\"/bin\",\"/usr/bin\",],}")]
    [InlineData("a : [ 1, 2 ]\na : ${a} [ 3, 4 ]", "{\"a\":[1,2,3,4,],}")]
    [InlineData("foo : { a : 1 }\nfoo : ${foo}", "{\"foo\":{\"a\":1,},}")]
    [InlineData("foo : ${?foo}", "{}")]
    [InlineData("foo : ${does-not-exist}\nfoo : 42", "{\"foo\":42,}")]
    [InlineData("foo : ${foo}, foo : 42", "{\"foo\":42,}")]
    [InlineData("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }", "{\"foo\":{\"a\":2,\"c\":1,},}")]
    [InlineData("bar : { foo : 42,\n baz : ${bar.foo}\n }", "{\"bar\":{\"baz\":42,\"foo\":42,},}")]
    [InlineData("bar : { foo : 42,\n baz : ${bar.foo}\n }\nbar : { foo : 43 }", "{\"bar\":{\"baz\":43,\"foo\":43,},}")]
    [InlineData("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4", "{\"bar\":{\"a\":4,\"b\":3,},\"foo\":{\"c\":3,\"d\":4,},}")]
    [InlineData("a = ${?a}foo", "{\"a\":\"foo\",}")]
    [InlineData("a += b", "{\"a\":[\"b\",],}")]
    [InlineData("a = [x]\na += y\na += z", "{\"a\":[\"x\",\"y\",\"z\",],}")]
    [InlineData("o { a += 1 }\no { a += 2 }", "{\"o\":{\"a\":[1,2,],},}")]
    [InlineData("data-center-generic = { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = \"east\" }", "{\"data-center-east\":{\"cluster-size\":6,\"name\":\"east\",},\"data-center-generic\":{\"cluster-size\":6,},}")]
    [InlineData("a = 1\nb = ${a}", "{\"a\":1,\"b\":1,}")]
    [InlineData("a = true\nb = ${a} x", "{\"a\":true,\"b\":\"true x\",}")]
    [InlineData("a = ${?x} ${?y}", "{}")]
    [InlineData("a = [${?x}, 1]", "{\"a\":[1,],}")]
    [InlineData("a = x${?y}z", "{\"a\":\"xz\",}")]
    [InlineData("a = { x = 1 }\nb = ${a} ${?missing}", "{\"a\":{\"x\":1,},\"b\":{\"x\":1,},}")]
    [InlineData("a = { \"0\" : x, \"2\" : z, \"1\" : y }\nb = [w] ${a}", "{\"a\":{\"0\":\"x\",\"1\":\"y\",\"2\":\"z\",},\"b\":[\"w\",\"x\",\"y\",\"z\",],}")]
    [InlineData("HOME = null\nh = ${?HOME}", "{\"HOME\":null,\"h\":null,}")]
    public void Resolves_as_the_spec_says(string text, string expected)
    {
        Assert.Equal(expected, C(text));
    }

    [Fact]
    public void Falls_back_to_the_injected_environment_only_for_undefined_paths()
    {
        var env = new Dictionary<string, string> { ["USER"] = "ada", ["a.b"] = "from-env", ["EMPTY"] = string.Empty };
        Assert.Equal("{\"u\":\"ada\",}", C("u = ${USER}", env));
        Assert.Equal("{\"a\":{\"b\":1,},\"x\":1,}", C("a.b = 1\nx = ${a.b}", env));
        Assert.Equal("{\"e\":\"\",}", C("e = ${EMPTY}", env));
        Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load("u = ${USER}"));
    }

    [Fact]
    public void Environment_values_carry_the_variable_name_as_origin()
    {
        var root = HoconTestHelpers.Load("u = ${USER}", new Dictionary<string, string> { ["USER"] = "ada" });
        Assert.Equal("environment variable USER", root.At("u")!.Origin.Source);
    }

    [Theory]
    [InlineData("bar : ${foo}\nfoo : ${bar}")]
    [InlineData("a : ${b}\nb : ${c}\nc : ${a}")]
    [InlineData("a : { b : ${a} }")]
    [InlineData("a : [${a}]")]
    public void Reports_unbreakable_cycles(string text)
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load(text));
        Assert.Equal(ConfigurationErrorReason.Cycle, e.Reason);
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Self_reference_in_isolation_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load("foo : ${foo}"));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Undefined_substitution_names_the_path_and_position()
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load("a = 1\nb = x ${c.d}"));
        Assert.Equal(ConfigurationErrorReason.Substitution, e.Reason);
        Assert.Equal((2, 7), (e.Line, e.Column));
        Assert.Contains("${c.d}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = [1]\nb = ${a} x")]
    [InlineData("a = {x : 1}\nb = [1] ${a}")]
    [InlineData("a = 1\na += 2")]
    public void Rejects_concatenating_different_kinds_after_resolution(string text)
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load(text));
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Memoizes_so_shared_references_do_not_explode()
    {
        var lines = new List<string> { "a0 = [1]" };
        for (var i = 1; i < 60; i++)
        {
            lines.Add($"a{i} = {{ l = ${{a{i - 1}}}, r = ${{a{i - 1}}} }}");
        }

        var root = HoconTestHelpers.Load(string.Join('\n', lines));
        Assert.NotNull(root.At("a59.l.r.l"));
    }

    [Fact]
    public void Exponentially_growing_strings_hit_a_limit_instead_of_memory()
    {
        var lines = new List<string> { "a0 = xxxxxxxxxxxxxxxx" };
        for (var i = 1; i < 64; i++)
        {
            lines.Add($"a{i} = ${{a{i - 1}}}${{a{i - 1}}}");
        }

        var e = Assert.Throws<ConfigurationException>(() => HoconTestHelpers.Load(string.Join('\n', lines)));
        Assert.Equal(ConfigurationErrorReason.LimitExceeded, e.Reason);
    }

    [Fact]
    public void Order_dependent_mutual_references_give_both_fields_the_same_value_or_fail()
    {
        try
        {
            var root = HoconTestHelpers.Load("a : 1\nb : 2\na : ${b}\nb : ${a}");
            Assert.Equal(root.Str("a"), root.Str("b"));
        }
        catch (ConfigurationException e)
        {
            Assert.Equal(ConfigurationErrorReason.Cycle, e.Reason);
        }
    }

    private static HoconObject LoadWithFiles(string main, Dictionary<string, string> files) =>
        HoconLoader.Resolve(HoconLoader.ParseString(main, "/cfg/main.conf", "/cfg", p => files.GetValueOrDefault(p)), null);

    [Fact]
    public void Included_substitutions_are_fixed_up_to_the_include_point_and_see_later_overrides()
    {
        var files = new Dictionary<string, string> { ["/cfg/foo.conf"] = "{ x : 10, y : ${x} }" };
        var root = LoadWithFiles("{\n  a : { include \"foo.conf\" }\n  a : { x : 42 }\n}", files);
        Assert.Equal("42", root.Str("a.y"));
    }

    [Fact]
    public void Included_substitutions_fall_back_to_the_root_of_the_including_configuration()
    {
        var files = new Dictionary<string, string> { ["/cfg/foo.conf"] = "y : ${top}\nz += 1" };
        var root = LoadWithFiles("top = 7\nsub { include \"foo.conf\" }", files);
        Assert.Equal("7", root.Str("sub.y"));
        Assert.Equal("[1,]", HoconTestHelpers.Canonical(root.At("sub.z")));
    }

    [Fact]
    public void Included_keys_merge_with_keys_before_and_are_overridden_by_keys_after()
    {
        var files = new Dictionary<string, string> { ["/cfg/f.conf"] = "a { y = 2, z = 2 }" };
        var root = LoadWithFiles("a { x = 1, y = 1 }\ninclude \"f.conf\"\na.z = 3", files);
        Assert.Equal("{\"x\":1,\"y\":2,\"z\":3,}", HoconTestHelpers.Canonical(root.At("a")));
    }

    [Fact]
    public void Nested_includes_are_relative_to_each_including_file()
    {
        var files = new Dictionary<string, string>
        {
            ["/cfg/sub/one.conf"] = "one = 1\ninclude \"deeper/two\"",
            ["/cfg/sub/deeper/two.json"] = "{ \"two\": 2 }",
            ["/cfg/sub/deeper/two.properties"] = "three=3",
        };
        var root = LoadWithFiles("include \"sub/one.conf\"", files);
        Assert.Equal("{\"one\":1,\"three\":\"3\",\"two\":2,}", HoconTestHelpers.Canonical(root));
    }
}
