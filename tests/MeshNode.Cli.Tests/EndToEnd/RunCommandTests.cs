using System.Globalization;

namespace MeshNode.Cli.Tests.EndToEnd;

public sealed class RunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_headless_nodes_joined_by_peer_chat_over_loopback()
    {
        await using var alice = RunningProgram.Start(["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0", "--name", "alice"]);
        var started = await alice.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "node_started", Timeout, "alice's node_started");
        Assert.Equal("alice", started.GetProperty("name").GetString());
        var port = started.GetProperty("port").GetInt32();

        await using var bob = RunningProgram.Start(["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0", "--name", "bob", "--peer", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)]);
        await bob.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "link_up", Timeout, "bob's link_up");
        await alice.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "link_up", Timeout, "alice's link_up");
        bob.Input.WriteLine("/all hi alice");

        var received = await alice.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "chat_received", Timeout, "alice's chat_received");
        Assert.Equal("hi alice", received.GetProperty("text").GetString());
        Assert.Equal("bob", received.GetProperty("from_name").GetString());
        Assert.Equal(1, received.GetProperty("hops").GetInt32());
        Assert.Equal(0, await bob.QuitAsync());
        Assert.Equal(0, await alice.QuitAsync());
    }

    [Fact]
    public async Task End_of_input_stops_the_node_cleanly()
    {
        await using var node = RunningProgram.Start(["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0"]);
        await node.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "node_started", Timeout, "node_started");

        node.Input.EndInput();

        Assert.Equal(0, await node.Exit.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Refuses_a_passphrase_given_as_a_flag()
    {
        var result = await CliRunner.RunAsync(["run", "--passphrase", "secret"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--passphrase-file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_missing_passphrase_file_in_one_line()
    {
        var result = await CliRunner.RunAsync(["run", "--headless", "--ephemeral", "--port", "0", "--passphrase-file", "/nonexistent/meshnode-pass"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("meshnode: passphrase file '/nonexistent/meshnode-pass' (--passphrase-file) does not exist", result.Error.Trim());
    }

    [Fact]
    public async Task Reports_a_bad_setting_naming_the_key()
    {
        var result = await CliRunner.RunAsync(["run", "--headless", "--ephemeral", "--port", "70000"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mesh.link.port", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Refuses_a_passphrase_flag_even_without_a_value()
    {
        var result = await CliRunner.RunAsync(["run", "--passphrase"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--passphrase is refused", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_file_records_the_lifecycle_but_never_message_text()
    {
        var dir = Directory.CreateTempSubdirectory("meshnode-cli-log-").FullName;
        try
        {
            var log = Path.Combine(dir, "node.log");
            await using (var node = RunningProgram.Start(["run", "--headless", "--ephemeral", "--no-discovery", "--port", "0", "--name", "logger", "--log-file", log]))
            {
                node.Input.WriteLine("/all topsecret-text");
                await node.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "sent", Timeout, "sent");
                Assert.Equal(0, await node.QuitAsync());
            }

            var text = await File.ReadAllTextAsync(log);
            Assert.Contains("Node logger", text, StringComparison.Ordinal);
            Assert.Contains("stopping", text, StringComparison.Ordinal);
            Assert.DoesNotContain("topsecret", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_profile_keeps_the_identity_that_the_identity_command_prints()
    {
        var dir = Directory.CreateTempSubdirectory("meshnode-cli-profile-").FullName;
        try
        {
            var profile = Path.Combine(dir, "p");
            await using (var node = RunningProgram.Start(["run", "--headless", "--no-discovery", "--port", "0", "--profile", profile]))
            {
                var started = await node.Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == "node_started", Timeout, "node_started");
                Assert.Equal(0, await node.QuitAsync());

                var identity = await CliRunner.RunAsync(["identity", "--profile", profile]);
                Assert.Contains(started.GetProperty("node_id").GetString()!, identity.Out, StringComparison.Ordinal);
                Assert.Contains(started.GetProperty("fingerprint").GetString()!, identity.Out, StringComparison.Ordinal);
            }

            Assert.True(File.Exists(Path.Combine(profile, "meshnode.db")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
