namespace MeshNode.Config.Tests;

/// <summary>Layering order: defaults &lt; profile or file &lt; environment &lt; command line, and provenance of each.</summary>
public sealed class MeshConfigurationTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void Defaults_alone_give_the_documented_ports()
    {
        var config = MeshConfiguration.Build(environment: NoEnvironment);
        Assert.Equal("9999", config["mesh:link:port"]);
        Assert.Equal("10000", config["mesh:discovery:port"]);
    }

    [Fact]
    public void Each_layer_overrides_the_one_before()
    {
        var file = Path.Combine(Path.GetTempPath(), $"meshnode-layering-{Environment.ProcessId}.conf");
        File.WriteAllText(file, "mesh.link.port = 1001\nmesh.discovery.port = 1001\nmesh.router.hop-limit = 3\n");
        try
        {
            var env = new Dictionary<string, string>
            {
                ["MESHNODE__mesh__link__port"] = "2002",
                ["MESHNODE__mesh__discovery__port"] = "2002",
                ["UNRELATED"] = "x",
            };
            var config = MeshConfiguration.Build(file, env, ["--mesh.link.port=3003", "--verbose", "other"]);
            Assert.Equal("3003", config["mesh:link:port"]);
            Assert.Equal("2002", config["mesh:discovery:port"]);
            Assert.Equal("3", config["mesh:router:hop-limit"]);
            Assert.Equal("600000", config["mesh:security:pbkdf2-iterations"]);

            Assert.Equal("command-line flag --mesh.link.port", ConfigurationProvenance.SourceOf(config, "mesh.link.port"));
            Assert.Equal("environment variable MESHNODE__mesh__discovery__port", ConfigurationProvenance.SourceOf(config, "mesh:discovery:port"));
            Assert.Equal($"{file}:3:25", ConfigurationProvenance.SourceOf(config, "mesh.router.hop-limit"));
            Assert.StartsWith("hocon.conf:", ConfigurationProvenance.SourceOf(config, "mesh.security.pbkdf2-iterations"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Environment_names_with_single_underscores_map_to_hyphens()
    {
        var env = new Dictionary<string, string> { ["MESHNODE__mesh__link__max_frame_size"] = "32KiB" };
        var config = MeshConfiguration.Build(environment: env);
        Assert.Equal("32KiB", config["mesh:link:max-frame-size"]);
    }

    [Theory]
    [InlineData("--mesh.link.port", "4004")]
    [InlineData("--mesh:link:port", "4004")]
    public void Command_line_accepts_separate_values_and_both_key_forms(string flag, string value)
    {
        var config = MeshConfiguration.Build(environment: NoEnvironment, commandLineArgs: [flag, value]);
        Assert.Equal("4004", config["mesh:link:port"]);
    }

    [Fact]
    public void Flag_without_value_is_an_error_naming_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => MeshConfiguration.Build(environment: NoEnvironment, commandLineArgs: ["--mesh.link.port"]));
        Assert.Equal("mesh.link.port", e.Key);
    }

    [Fact]
    public void Shipped_profiles_load_by_name()
    {
        Assert.Equal(["hotspot", "lab", "private"], MeshConfiguration.Profiles);
        var lab = MeshConfiguration.Build("lab", NoEnvironment);
        Assert.Equal("0", lab["mesh:link:port"]);
        Assert.StartsWith("config/lab.conf:", ConfigurationProvenance.SourceOf(lab, "mesh.link.port"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_profile_lists_the_shipped_ones()
    {
        var e = Assert.Throws<ConfigurationException>(() => MeshConfiguration.Build("nosuchprofile", NoEnvironment));
        Assert.Contains("hotspot, lab, private", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_file_may_refer_to_defaults_and_environment_with_substitutions()
    {
        var file = Path.Combine(Path.GetTempPath(), $"meshnode-subst-{Environment.ProcessId}.conf");
        File.WriteAllText(file, "mesh.discovery.port = ${mesh.link.port}\nmesh.node.name = ${?MESH_NAME}\n");
        try
        {
            var config = MeshConfiguration.Build(file, new Dictionary<string, string> { ["MESH_NAME"] = "ada" });
            Assert.Equal("9999", config["mesh:discovery:port"]);
            Assert.Equal("ada", config["mesh:node:name"]);
            Assert.Equal($"{file}:1:23", ConfigurationProvenance.SourceOf(config, "mesh.discovery.port"));
            Assert.Equal("environment variable MESH_NAME", ConfigurationProvenance.SourceOf(config, "mesh.node.name"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Explain_lists_every_leaf_with_value_and_source_in_key_order()
    {
        var config = MeshConfiguration.Build("hotspot", NoEnvironment, ["--mesh.ui.refresh-interval=1s"]);
        var settings = ConfigurationProvenance.Explain(config);
        Assert.Equal(settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key), settings.Select(s => s.Key));
        Assert.DoesNotContain(settings, s => s.Key == "mesh" || s.Key == "mesh:link");
        Assert.Contains(new ConfigurationSetting("mesh:ui:refresh-interval", "1s", "command-line flag --mesh.ui.refresh-interval"), settings);
        Assert.Contains(settings, s => s.Key == "mesh:link:dead-link-timeout" && s.Value == "2s" && s.Source.StartsWith("config/hotspot.conf:", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Key == "mesh:discovery:static-peers" && s.Value is null);
    }
}
