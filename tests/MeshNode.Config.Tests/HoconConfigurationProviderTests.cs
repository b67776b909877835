using Microsoft.Extensions.Configuration;

namespace MeshNode.Config.Tests;

public sealed class HoconConfigurationProviderTests
{
    [Fact]
    public void Flattens_objects_with_colons_and_arrays_as_index_children()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("mesh { link.port = 9999, discovery.static-peers = [\"a:1\", \"b:2\"], empty = [], nothing = null }", "t.conf", _ => null)
            .Build();
        Assert.Equal("9999", config["mesh:link:port"]);
        Assert.Equal("a:1", config["mesh:discovery:static-peers:0"]);
        Assert.Equal("b:2", config["mesh:discovery:static-peers:1"]);
        Assert.Null(config["mesh:empty"]);
        Assert.Contains(config.AsEnumerable(), kv => kv.Key == "mesh:empty");
        Assert.Null(config["mesh:nothing"]);
        Assert.Equal("9999", config["MESH:LINK:PORT"]);
    }

    [Fact]
    public void Later_sources_win_per_key()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("a { x = 1, y = 2 }", "first.conf", _ => null)
            .AddHoconString("a.y = 3", "second.conf", _ => null)
            .Build();
        Assert.Equal("1", config["a:x"]);
        Assert.Equal("3", config["a:y"]);
    }

    [Fact]
    public void Substitutions_fall_back_to_the_injected_environment()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("home = ${HOME}/mesh", "t.conf", name => name == "HOME" ? "/home/ada" : null)
            .Build();
        Assert.Equal("/home/ada/mesh", config["home"]);
    }

    [Fact]
    public void Add_hocon_file_reads_includes_relative_to_the_file()
    {
        var config = new ConfigurationBuilder().AddHoconFile(Hocon.HoconTestHelpers.Resource("file-include.conf")).Build();
        Assert.Equal("44", config["bar-file"]);
        Assert.Equal("45", config["baz"]);
    }

    [Fact]
    public void Missing_optional_file_adds_nothing_and_missing_required_file_fails()
    {
        var missing = Path.Combine(Path.GetTempPath(), "meshnode-no-such-file.conf");
        Assert.Empty(new ConfigurationBuilder().AddHoconFile(missing, optional: true).Build().AsEnumerable());
        var e = Assert.Throws<ConfigurationException>(() => new ConfigurationBuilder().AddHoconFile(missing).Build());
        Assert.Contains("meshnode-no-such-file.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_hocon_fails_the_build_with_file_line_and_column()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            new ConfigurationBuilder().AddHoconString("mesh {\n  link.port = \"9999\n}", "broken.conf", _ => null).Build());
        Assert.Equal(("broken.conf", 2, 15), (e.File, e.Line, e.Column));
    }

    [Fact]
    public void Defaults_come_from_the_embedded_hocon_conf()
    {
        var config = new ConfigurationBuilder().AddHoconDefaults().Build();
        Assert.Equal("9999", config["mesh:link:port"]);
        Assert.Equal("10000", config["mesh:discovery:port"]);
        Assert.StartsWith("hocon.conf:", ConfigurationProvenance.SourceOf(config, "mesh.link.port"), StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_defaults_are_the_repository_hocon_conf()
    {
        var repo = File.ReadAllText(Path.Combine(MeshNode.Testing.TestPaths.RepoRoot, "hocon.conf"));
        Assert.Equal(repo, EmbeddedConfiguration.Defaults);
    }
}
