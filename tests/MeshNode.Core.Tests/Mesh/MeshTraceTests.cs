using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

public sealed class MeshTraceTests
{
    [Fact]
    public async Task Trace_across_the_five_node_line_names_every_hop_and_measures_a_positive_round_trip()
    {
        await using var mesh = new MeshHarness();
        await mesh.StartLineAsync(5);
        var relayedBefore = mesh.Nodes.Select(n => n.Counters.RelayedDirected).ToArray();

        var trace = await mesh[0].Node.TraceAsync("n4");

        Assert.Equal("n4", trace.Target);
        Assert.Equal(["n1", "n2", "n3", "n4"], trace.Hops);
        Assert.True(trace.RoundTrip > TimeSpan.Zero);

        // A real request went out and a real reply came back: every relay carried both.
        for (var i = 1; i < 4; i++)
        {
            Assert.True(mesh[i].Counters.RelayedDirected - relayedBefore[i] >= 2, $"n{i} relayed {mesh[i].Counters.RelayedDirected - relayedBefore[i]} directed envelopes");
        }

        Assert.Equal(0, mesh[0].Counters.DroppedTraceReplies);
        Assert.Equal(0, mesh[4].Counters.RefusedTraceRequests);
    }

    [Fact]
    public async Task Trace_to_a_node_that_went_away_fails_cleanly_within_the_trace_timeout()
    {
        await using var mesh = new MeshHarness();
        var timeout = TimeSpan.FromMilliseconds(800);
        var a = await mesh.StartAsync("a", configure: s => s with { Node = s.Node with { TraceTimeout = timeout } });
        var b = await mesh.StartAsync("b", [a]);
        await Task.WhenAll(a.WaitUntilReachableAsync([b]), b.WaitUntilReachableAsync([a]));
        var linkDown = a.Recorder.WaitForAsync<LinkDown>(d => d.NodeId == b.Id, MeshHarness.Timeout, includePast: false);
        await b.StopAsync();
        await linkDown;

        // 5 s: far below the command timeout (10 s), so only the trace timeout can end it in time.
        var error = await Assert.ThrowsAsync<NodeCommandException>(
            () => a.Node.TraceAsync("b").WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains("b did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("mesh.node.trace-timeout", error.Message, StringComparison.Ordinal);

        // The node is still fine afterwards.
        await a.Node.GetPeersAsync();
        await Assert.ThrowsAsync<NodeCommandException>(() => a.Node.TraceAsync("nobody-at-all"));
    }
}
