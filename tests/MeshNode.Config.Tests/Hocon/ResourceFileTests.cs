using MeshNode.Config.Hocon;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>The other files of ../shared/vectors/hocon/resources, with assertions written from HOCON.md.</summary>
public sealed class ResourceFileTests
{
    private static HoconObject Load(string name, IReadOnlyDictionary<string, string>? env = null) =>
        HoconTestHelpers.LoadFile(HoconTestHelpers.Resource(name), env);

    public static TheoryData<string> MustParse() =>
    [
        "test01.conf", "test02.conf", "test04.conf", "test05.conf", "test06.conf", "test07.conf", "test08.conf",
        "test09.conf", "test10.conf", "test11.conf", "test12.conf", "bom.conf", "a_1.conf", "b_2.conf",
        "file-include.conf", "onclasspath.conf", "env-variables.conf", "test03.conf",
        "test13-reference-with-substitutions.conf", "test13-application-override-substitutions.conf",
        "validate-invalid.conf", "validate-reference.conf", "beanconfig/beanconfig01.conf",
        "subdir/foo.conf", "subdir/bar.conf", "subdir/baz.conf", "subdir/bar-file.conf", "test01.json", "test01.properties",
    ];

    [Theory]
    [MemberData(nameof(MustParse))]
    public void Resource_parses_and_resolves(string name)
    {
        var root = Load(name);
        Assert.False(root.NeedsResolve);
    }

    [Fact]
    public void Bom_conf_gives_foo_bar()
    {
        Assert.Equal("{\"foo\":\"bar\",}", HoconTestHelpers.Canonical(Load("bom.conf")));
    }

    [Fact]
    public void Cycle_conf_fails_because_includes_nest_too_deep()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("cycle.conf"));
        Assert.Equal(ConfigurationErrorReason.Include, e.Reason);
        Assert.Contains("nested too deep", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("cycle.conf", e.File, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Include_inside_an_object_inside_a_list_is_rejected()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("include-from-list.conf"));
        Assert.Equal(ConfigurationErrorReason.Include, e.Reason);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Reference_with_an_undefined_substitution_fails_when_resolved()
    {
        var parsed = HoconLoader.ParseFile(HoconTestHelpers.Resource("test13-reference-bad-substitutions.conf"), required: true);
        var e = Assert.Throws<ConfigurationException>(() => HoconLoader.Resolve(parsed, environment: null));
        Assert.Equal(ConfigurationErrorReason.Substitution, e.Reason);
        Assert.Contains("${b}", e.Message, StringComparison.Ordinal);
        Assert.Equal((1, 5), (e.Line, e.Column));
    }

    [Fact]
    public void Reference_resolves_on_its_own_before_the_application_overrides_it()
    {
        var reference = Load("test13-reference-with-substitutions.conf");
        var application = HoconLoader.ParseFile(HoconTestHelpers.Resource("test13-application-override-substitutions.conf"), required: true);
        var merged = (HoconObject)HoconMerger.Merge(reference, application);
        var resolved = HoconLoader.Resolve(merged, null);
        Assert.Equal("b", resolved.Str("a"));
        Assert.Equal("overridden", resolved.Str("b"));
    }

    [Fact]
    public void Env_variables_conf_takes_secrets_from_the_environment()
    {
        var env = new Dictionary<string, string> { ["SECRET_A"] = "A", ["SECRET_B"] = "B", ["SECRET_C"] = "C" };
        var root = Load("env-variables.conf", env);
        Assert.Equal("{\"secret\":\"A\",\"secrets\":[\"B\",\"C\",],}", HoconTestHelpers.Canonical(root));
    }

    [Fact]
    public void Env_variables_conf_without_the_variables_keeps_the_earlier_value_and_drops_elements()
    {
        var root = Load("env-variables.conf", new Dictionary<string, string>());
        Assert.Equal("{\"secret\":\"a\",\"secrets\":[],}", HoconTestHelpers.Canonical(root));
    }

    [Fact]
    public void Test01_values_follow_the_spec()
    {
        var root = Load("test01.conf");
        Assert.Equal("42", root.Str("ints.fortyTwoAgain"));
        Assert.Equal(".33", root.Str("floats.pointThirtyThree"));
        Assert.Equal("null bar 42 baz true 3.14 hi", root.Str("strings.concatenated"));
        Assert.Equal("abcd", root.Str("strings.abcdAgain"));
        Assert.Equal("[[\"a\",\"b\",\"c\",],[\"a\",\"b\",\"c\",],[\"a\",\"b\",\"c\",],]", HoconTestHelpers.Canonical(root.At("arrays.ofArray")));
        Assert.Equal(HoconTestHelpers.Canonical(root.At("ints")), HoconTestHelpers.Canonical(((HoconArray)root.At("arrays.ofObject")!).Items[0]));
        Assert.Equal("[\"1s\",\"2seconds\",\"3 s\",4000,]", HoconTestHelpers.Canonical(root.At("durations.secondsList")));
        Assert.Equal("1 milli", root.Str("durations.millis"));
        Assert.Equal("0.5M", root.Str("memsizes.halfMeg"));
        Assert.Null(root.At("system.not_here"));
        Assert.Null(root.At("system.home"));
        Assert.Equal("Your Java version is  and your user.home is ", root.Str("system.concatenated"));
    }

    [Fact]
    public void Test01_optional_substitutions_fall_back_to_the_environment()
    {
        var root = Load("test01.conf", new Dictionary<string, string> { ["HOME"] = "/home/mesh", ["java.version"] = "21" });
        Assert.Equal("/home/mesh", root.Str("system.home"));
        Assert.Equal("Your Java version is 21 and your user.home is ", root.Str("system.concatenated"));
    }

    [Fact]
    public void Test02_quoted_and_empty_path_elements_resolve()
    {
        var root = Load("test02.conf");
        Assert.Equal("42", root.Str("42_a"));
        Assert.Equal("42", root.Str("42_b"));
        Assert.Equal("57", root.Str("57_a"));
        Assert.Equal("57", root.Str("57_b"));
        Assert.Equal("103", root.Str("103_a"));
        Assert.Equal("103", ((HoconScalar)root.Get("a.b.c")!).Text);
        Assert.Equal("261", root.Str("-"));
    }

    [Fact]
    public void Test03_includes_merge_mixed_formats_and_fall_back_to_the_including_file()
    {
        var root = Load("test03.conf");
        Assert.Equal("42", root.Str("test01.ints.fortyTwo"));
        Assert.Equal("42", root.Str("test01.ints.fortyTwoAgain"));
        Assert.Equal("42", root.Str("test01.booleans"));
        Assert.Equal("1", root.Str("test01.fromJson1"));
        Assert.Equal(HoconScalarKind.String, ((HoconScalar)root.At("test01.fromProps.one")!).Kind);
        Assert.Equal("hello^^", root.Str("test01.fromProps.specialChars"));
        Assert.Equal("42", root.Str("test02.42_a"));
        Assert.Equal("42", root.Str("equiv01.ints.fortyTwo"));
        Assert.Equal(0, Assert.IsType<HoconObject>(root.At("nonexistent")).Count);
        Assert.Equal("This is in the included file", root.Str("foo"));
        Assert.Equal("This is in the included file", root.Str("a"));
        Assert.Equal("This is in the including file", root.Str("b"));
        Assert.Equal("This is in the included file", root.Str("subtree.a"));
        Assert.Equal("This is in the including file", root.Str("subtree.b"));
    }

    [Fact]
    public void Test03_included_alone_fails_because_bar_is_only_in_the_including_file()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("test03-included.conf"));
        Assert.Equal(ConfigurationErrorReason.Substitution, e.Reason);
        Assert.Equal(9, e.Line);
    }

    [Fact]
    public void Test05_play_style_keys_and_optional_prefix_work()
    {
        var root = Load("test05.conf");
        Assert.Equal("Yet Another Blog Engine", root.Str("application.name"));
        Assert.Equal("prod", root.Str("%prod.application.mode"));
        Assert.Equal("/modules/crud", root.Str("module.crud"));
        Assert.Equal("create-drop", root.Str("%test.jpa.ddl"));
    }

    [Fact]
    public void Test06_merges_substitutions_with_later_values()
    {
        var root = Load("test06.conf");
        Assert.Equal("2", root.Str("x"));
        Assert.Equal("{\"foo\":10,\"hello\":\"world\",}", HoconTestHelpers.Canonical(root.At("y")));
    }

    [Fact]
    public void Test07_missing_include_is_ignored()
    {
        Assert.Equal(0, Load("test07.conf").Count);
        Assert.Equal(0, Load("test08.conf").Count);
    }

    [Fact]
    public void Test09_delayed_merges_resolve_in_order()
    {
        var root = Load("test09.conf");
        Assert.Equal("{\"c\":3,\"q\":10,}", HoconTestHelpers.Canonical(root.At("a")));
        Assert.Equal("5", root.Str("b"));
        Assert.Equal("{\"d\":600,\"e\":{\"c\":3,\"q\":10,},\"f\":5,\"q\":10,}", HoconTestHelpers.Canonical(root.At("c")));
    }

    [Fact]
    public void Test10_relativizes_substitutions_of_an_included_file()
    {
        var root = Load("test10.conf");
        Assert.Equal(HoconTestHelpers.Canonical(Load("test09.conf")), HoconTestHelpers.Canonical(root.At("foo")));
    }

    [Fact]
    public void Test11_and_test12_keep_number_like_keys_as_strings()
    {
        var t11 = Load("test11.conf");
        Assert.Equal("42", ((HoconScalar)t11.Get("10")!).Text);
        Assert.Equal("-42", ((HoconScalar)t11.Get("-10")!).Text);
        Assert.Equal("bar-baz", t11.Str("foo-bar"));
        Assert.Equal("b-", t11.Str("a-"));
        var t12 = Load("test12.conf");
        Assert.Equal(40, t12.Count);
        Assert.NotNull(t12.Get("12345678901234567891234567890123456789"));
    }

    [Fact]
    public void File_includes_are_relative_to_the_including_file()
    {
        var root = Load("file-include.conf");
        Assert.Equal(["41", "42", "43", "45", "44"], new[] { "base", "foo", "bar", "baz", "bar-file" }.Select(root.Str));
    }

    [Fact]
    public void Extensionless_name_loads_properties_then_json_then_conf()
    {
        var root = Load("test01");
        Assert.Equal("abc", root.Str("fromProps.abc"));
        Assert.Equal("A", root.Str("fromJsonA"));
        Assert.Equal("42", root.Str("ints.fortyTwo"));
    }

    [Fact]
    public void Missing_required_file_names_the_file()
    {
        var e = Assert.Throws<ConfigurationException>(() => HoconLoader.ParseFile(HoconTestHelpers.Resource("nothere.conf"), required: true));
        Assert.Equal(ConfigurationErrorReason.Include, e.Reason);
        Assert.Contains("nothere.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Including_an_endless_device_reads_nothing_instead_of_hanging()
    {
        // FileInfo does not report device files as existing, so the include counts as missing.
        Assert.Equal(0, HoconLoader.ParseString("include \"/dev/zero\"", "main.conf").Count);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_the_file_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"meshnode-bad-utf8-{Environment.ProcessId}.conf");
        File.WriteAllBytes(path, [(byte)'a', (byte)'=', 0xC3, 0x28]);
        try
        {
            var e = Assert.Throws<ConfigurationException>(() => HoconLoader.ParseFile(path, required: true));
            Assert.Equal((ConfigurationErrorReason.Io, path), (e.Reason, e.File));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
