using System.Text.Json;

namespace MeshNode.Cli.Tests.Commands;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Prints_defaults_with_their_source_in_hocon_conf()
    {
        var result = await CliRunner.RunAsync(["config"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var port = doc.RootElement.GetProperty("mesh").GetProperty("link").GetProperty("port");
        Assert.Equal("9999", port.GetProperty("value").GetString());
        Assert.StartsWith("hocon.conf:", port.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_environment_variable_that_set_a_value()
    {
        var env = new Dictionary<string, string> { ["MESHNODE__mesh__link__port"] = "7000" };

        var result = await CliRunner.RunAsync(["config"], env);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var port = doc.RootElement.GetProperty("mesh").GetProperty("link").GetProperty("port");
        Assert.Equal("7000", port.GetProperty("value").GetString());
        Assert.Contains("MESHNODE__mesh__link__port", port.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Takes_configuration_overrides_as_flags()
    {
        var result = await CliRunner.RunAsync(["config", "--mesh.link.port=7001"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var port = doc.RootElement.GetProperty("mesh").GetProperty("link").GetProperty("port");
        Assert.Equal("7001", port.GetProperty("value").GetString());
        Assert.Equal("command-line flag --mesh.link.port", port.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Reports_an_invalid_value_in_one_line_naming_the_key()
    {
        var result = await CliRunner.RunAsync(["config", "--mesh.link.port=notaport"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mesh.link.port", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_argument_as_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["config", "--bogus"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_run_flags_as_the_source_of_the_keys_they_set()
    {
        var result = await CliRunner.RunAsync(["config", "--port", "7002", "--name", "alice", "--no-discovery", "--peer", "10.0.0.9:9999"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var mesh = doc.RootElement.GetProperty("mesh");
        Assert.Equal("command-line flag --port", mesh.GetProperty("link").GetProperty("port").GetProperty("source").GetString());
        Assert.Equal("alice", mesh.GetProperty("node").GetProperty("name").GetProperty("value").GetString());
        Assert.Equal("command-line flag --name", mesh.GetProperty("node").GetProperty("name").GetProperty("source").GetString());
        Assert.Equal("command-line flag --no-discovery", mesh.GetProperty("discovery").GetProperty("enabled").GetProperty("source").GetString());
        var peer = mesh.GetProperty("discovery").GetProperty("static-peers").GetProperty("0");
        Assert.Equal("10.0.0.9:9999", peer.GetProperty("value").GetString());
        Assert.Equal("command-line flag --peer", peer.GetProperty("source").GetString());
    }
}
