using MeshNode.Cli.Commands;

namespace MeshNode.Cli.Tests.Commands;

public sealed class DisplayNameFileTests : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("meshnode-name-").FullName;

    [Theory]
    [InlineData("", "empty")]
    [InlineData("tab\there", "control characters")]
    [InlineData("esc\u001b[31m", "control characters")]
    public void Refuses_names_that_mesh_node_name_refuses(string name, string reason)
    {
        Assert.Contains(reason, DisplayNameFile.Problem(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_name_over_64_UTF8_bytes_and_accepts_one_at_it()
    {
        Assert.Null(DisplayNameFile.Problem(new string('é', 32)));
        Assert.Contains("64 UTF-8 bytes", DisplayNameFile.Problem(new string('é', 33)), StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_name_reads_back_and_a_missing_or_invalid_file_reads_as_none()
    {
        Assert.Null(DisplayNameFile.Read(_profile));

        DisplayNameFile.Write(_profile, "Ada Lovelace");
        Assert.Equal("Ada Lovelace", DisplayNameFile.Read(_profile));

        File.WriteAllText(Path.Combine(_profile, DisplayNameFile.FileName), "bad\u0007name");
        Assert.Null(DisplayNameFile.Read(_profile));
    }

    [Fact]
    public async Task A_headless_run_uses_the_saved_name_and_says_why_it_is_headless()
    {
        DisplayNameFile.Write(_profile, "saved-name");
        await using var node = RunningProgram.Start(["run", "--no-discovery", "--port", "0", "--profile", _profile]);

        var started = await node.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "node_started", TimeSpan.FromSeconds(60), "node_started");

        Assert.Equal("saved-name", started.GetProperty("name").GetString());
        Assert.Equal(0, await node.QuitAsync());
        Assert.StartsWith("meshnode: no terminal; running headless", node.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_flag_wins_over_the_saved_name()
    {
        DisplayNameFile.Write(_profile, "saved-name");
        await using var node = RunningProgram.Start(["run", "--headless", "--no-discovery", "--port", "0", "--profile", _profile, "--name", "flag-name"]);

        var started = await node.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "node_started", TimeSpan.FromSeconds(60), "node_started");

        Assert.Equal("flag-name", started.GetProperty("name").GetString());
        Assert.Equal(0, await node.QuitAsync());
        Assert.Equal(string.Empty, node.Errors.ToString());
    }

    public void Dispose() => Directory.Delete(_profile, recursive: true);
}
