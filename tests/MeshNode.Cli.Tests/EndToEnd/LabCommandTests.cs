using System.Text.Json;

namespace MeshNode.Cli.Tests.EndToEnd;

public sealed class LabCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_three_node_line_carries_a_broadcast_from_node_0_to_node_2_in_two_hops()
    {
        await using var lab = RunningProgram.Start(["lab", "--nodes", "3", "--topology", "line", "--headless"]);

        var started = await lab.Output.WaitForEventAsync(e => Is(e, "node_started", 0), Timeout, "node_started on node 0");

        // Both ends of both links up: node 1 has two, the ends one each.
        await lab.Output.WaitForEventAsync(e => Is(e, "link_up", 0), Timeout, "link_up on node 0");
        await lab.Output.WaitForEventAsync(e => Is(e, "link_up", 2), Timeout, "link_up on node 2");
        await WaitForCountAsync(lab, e => Is(e, "link_up", 1), 2);
        lab.Input.WriteLine("/all hello");

        var received = await lab.Output.WaitForEventAsync(e => Is(e, "chat_received", 2), Timeout, "chat_received on node 2");
        Assert.Equal("hello", received.GetProperty("text").GetString());
        Assert.Equal(2, received.GetProperty("hops").GetInt32());
        // The sender's id, not its name: a node two hops away may not have learnt the name yet.
        Assert.Equal(started.GetProperty("node_id").GetString(), received.GetProperty("from_id").GetString());
        Assert.Equal("all", received.GetProperty("scope").GetString());
        Assert.Equal(0, await lab.QuitAsync());
    }

    [Fact]
    public async Task Speaks_as_another_node_after_as_and_reports_bad_commands_as_errors()
    {
        await using var lab = RunningProgram.Start(["lab", "--nodes", "2", "--topology", "line", "--headless"]);
        await lab.Output.WaitForEventAsync(e => Is(e, "node_started", 1), Timeout, "node_started on node 1");

        lab.Input.WriteLine("/nonsense");
        lab.Input.WriteLine("/as 5");
        lab.Input.WriteLine("/as 1");
        lab.Input.WriteLine("/peers");

        await lab.Output.WaitForEventAsync(e => Is(e, "error", 0) && e.GetProperty("message").GetString()!.Contains("unknown command", StringComparison.Ordinal), Timeout, "unknown command error");
        await lab.Output.WaitForEventAsync(e => Is(e, "error", 0) && e.GetProperty("message").GetString()!.Contains("no node 5", StringComparison.Ordinal), Timeout, "no node 5 error");
        await lab.Output.WaitForEventAsync(e => Is(e, "peers", 1), Timeout, "peers reply from node 1");
        Assert.Equal(0, await lab.QuitAsync());
    }

    [Fact]
    public async Task Refuses_an_unknown_topology_as_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["lab", "--nodes", "3", "--topology", "hexagon"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown topology 'hexagon'", result.Error, StringComparison.Ordinal);
    }

    private static bool Is(JsonElement e, string name, int node) =>
        e.GetProperty("event").GetString() == name && e.TryGetProperty("node", out var n) && n.GetInt32() == node;

    private static async Task WaitForCountAsync(RunningProgram lab, Func<JsonElement, bool> match, int count)
    {
        // Each new line re-checks the count; WaitForEventAsync returns on the line that reaches it.
        var seen = 0;
        await lab.Output.WaitForEventAsync(e => match(e) && ++seen >= count, Timeout, $"{count} matching events");
    }
}
