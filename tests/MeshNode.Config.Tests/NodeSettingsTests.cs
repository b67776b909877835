namespace MeshNode.Config.Tests;

/// <summary>The profile folder rule, the trace and salt-listen settings of <see cref="NodeSettings"/> and <see cref="NetworkSettings"/>.</summary>
public sealed class NodeSettingsTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static MeshSettings Bind(params string[] flags) =>
        MeshSettings.From(MeshConfiguration.Build(environment: NoEnvironment, commandLineArgs: flags));

    [Fact]
    public void Default_profile_is_the_default_folder_under_the_users_data_folder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(data, "meshnode", "default"), MeshSettings.Defaults.Node.ProfileDirectory);
        Assert.DoesNotContain(".meshnode", MeshSettings.Defaults.Node.ProfileDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_profile_name_is_a_folder_under_the_users_data_folder()
    {
        Assert.Equal(Path.Combine(NodeSettings.ProfilesRoot, "work"), NodeSettings.ResolveProfileDirectory("work"));
        Assert.Equal(Path.Combine(NodeSettings.ProfilesRoot, "work"), Bind("--mesh.node.profile-dir=work").Node.ProfileDirectory);
    }

    [Theory]
    [InlineData("~/mesh")]
    [InlineData("./mesh")]
    [InlineData("/tmp/mesh")]
    [InlineData("a/b")]
    public void A_profile_value_that_looks_like_a_path_is_kept_as_a_path(string value)
    {
        Assert.Equal(value, NodeSettings.ResolveProfileDirectory(value));
    }

    [Fact]
    public void A_profile_dir_of_blanks_is_refused_with_the_key_named()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Bind("--mesh.node.profile-dir=  "));
        Assert.Contains("mesh.node.profile-dir", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_settings_bind_with_their_documented_defaults_and_bounds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), MeshSettings.Defaults.Node.TraceTimeout);
        Assert.Equal(10, MeshSettings.Defaults.Node.TraceRepliesPerSecond);
        Assert.Equal(TimeSpan.FromMilliseconds(750), Bind("--mesh.node.trace-timeout=750ms").Node.TraceTimeout);
        var ex = Assert.Throws<ConfigurationException>(() => Bind("--mesh.node.trace-replies-per-second=0"));
        Assert.Contains("mesh.node.trace-replies-per-second", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Salt_listen_defaults_to_five_seconds_and_refuses_more_than_a_minute()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), MeshSettings.Defaults.Network.SaltListen);
        Assert.Equal(TimeSpan.Zero, Bind("--mesh.network.salt-listen=0s").Network.SaltListen);
        var ex = Assert.Throws<ConfigurationException>(() => Bind("--mesh.network.salt-listen=2m"));
        Assert.Contains("mesh.network.salt-listen", ex.Message, StringComparison.Ordinal);
    }
}
