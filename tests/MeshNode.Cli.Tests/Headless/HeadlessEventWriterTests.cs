using MeshNode.Cli.Headless;
using MeshNode.Core.Node;

namespace MeshNode.Cli.Tests.Headless;

public sealed class HeadlessEventWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 20, 0, 0, TimeSpan.Zero);
    private const string AtJson = "\"at\":\"2026-11-21T20:00:00+00:00\"";

    public static TheoryData<NodeEvent, string> Events => new()
    {
        { new NodeStarted(At, "ab12", "alice", 9999, "FP-1", "open"), "{\"event\":\"node_started\"," + AtJson + ",\"node_id\":\"ab12\",\"name\":\"alice\",\"port\":9999,\"fingerprint\":\"FP-1\",\"security\":\"open\"}" },
        { new PeerDiscovered(At, "cd34", "bob", "10.0.0.2:9999", "announce"), "{\"event\":\"peer_discovered\"," + AtJson + ",\"node_id\":\"cd34\",\"name\":\"bob\",\"endpoint\":\"10.0.0.2:9999\",\"via\":\"announce\"}" },
        { new LinkUp(At, "cd34", "bob", "10.0.0.2:9999", true), "{\"event\":\"link_up\"," + AtJson + ",\"node_id\":\"cd34\",\"name\":\"bob\",\"endpoint\":\"10.0.0.2:9999\",\"inbound\":true}" },
        { new LinkDown(At, "cd34", "bob", "dead link"), "{\"event\":\"link_down\"," + AtJson + ",\"node_id\":\"cd34\",\"name\":\"bob\",\"reason\":\"dead link\"}" },
        {
            new ChatReceived(At, "m1", "cd34", "bob", "hi \"you\"\n", "direct", "e2e", 2, At.AddSeconds(-1), false),
            "{\"event\":\"chat_received\"," + AtJson + ",\"message_id\":\"m1\",\"from_id\":\"cd34\",\"from_name\":\"bob\",\"text\":\"hi \\u0022you\\u0022\\n\",\"scope\":\"direct\",\"security\":\"e2e\",\"hops\":2,\"sent_at\":\"2026-11-21T19:59:59+00:00\",\"from_changed_key\":false}"
        },
        { new ChatDelivered(At, "m2", "cd34"), "{\"event\":\"chat_delivered\"," + AtJson + ",\"message_id\":\"m2\",\"to_id\":\"cd34\"}" },
        { new ChatQueued(At, "m3", "cd34"), "{\"event\":\"chat_queued\"," + AtJson + ",\"message_id\":\"m3\",\"to_id\":\"cd34\"}" },
        {
            new TopologyChanged(At, new TopologyView("ab12", [new TopologyNodeView("ab12", "alice", 0, null), new TopologyNodeView("cd34", "bob", null, "ab12")], [new TopologyEdgeView("ab12", "cd34", TimeSpan.FromMilliseconds(1.5))])),
            "{\"event\":\"topology_changed\"," + AtJson + ",\"self\":\"ab12\",\"nodes\":[{\"node_id\":\"ab12\",\"name\":\"alice\",\"hops\":0,\"next_hop\":null},{\"node_id\":\"cd34\",\"name\":\"bob\",\"hops\":null,\"next_hop\":\"ab12\"}],\"edges\":[{\"a\":\"ab12\",\"b\":\"cd34\",\"rtt_ms\":1.5}]}"
        },
        { new KeyChanged(At, "cd34", "bob", "OLD", "NEW"), "{\"event\":\"key_changed\"," + AtJson + ",\"node_id\":\"cd34\",\"name\":\"bob\",\"old_fingerprint\":\"OLD\",\"new_fingerprint\":\"NEW\"}" },
        { new NodeWarning(At, "dropped 3 events"), "{\"event\":\"warning\"," + AtJson + ",\"message\":\"dropped 3 events\"}" },
        { new NodeError(At, "boom"), "{\"event\":\"error\"," + AtJson + ",\"message\":\"boom\"}" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Writes_each_event_as_one_exact_json_line(NodeEvent nodeEvent, string expected)
    {
        var (writer, output) = Create();

        writer.Write(nodeEvent);

        Assert.Equal(expected + "\n", output.ToString());
    }

    [Fact]
    public void Puts_the_lab_node_index_after_the_event_name()
    {
        var (writer, output) = Create();

        writer.Write(new NodeWarning(At, "w"), node: 3);

        Assert.Equal("{\"event\":\"warning\",\"node\":3," + AtJson + ",\"message\":\"w\"}\n", output.ToString());
    }

    [Fact]
    public void Writes_query_replies()
    {
        var (writer, output) = Create();

        writer.WritePeers([new PeerView("cd34", "bob", "abcd-ef01", 1, TimeSpan.FromMilliseconds(2), true, true, "pinned", null)]);
        writer.WriteTrace(new TraceView("cd34", ["ef56", "cd34"], TimeSpan.FromMilliseconds(4)));
        writer.WriteSent(new SendOutcome("m9", Queued: false), "all", node: 0);
        writer.WriteError("unknown command '/x' (see /help)");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"event\":\"peers\"," + AtJson + ",\"peers\":[{\"node_id\":\"cd34\",\"name\":\"bob\",\"short_fingerprint\":\"abcd-ef01\",\"hops\":1,\"rtt_ms\":2,\"online\":true,\"linked\":true,\"trust\":\"pinned\",\"last_seen\":null}]}", lines[0]);
        Assert.Equal("{\"event\":\"trace\"," + AtJson + ",\"target\":\"cd34\",\"hops\":[\"ef56\",\"cd34\"],\"round_trip_ms\":4}", lines[1]);
        Assert.Equal("{\"event\":\"sent\",\"node\":0," + AtJson + ",\"message_id\":\"m9\",\"scope\":\"all\",\"queued\":false}", lines[2]);
        Assert.Equal("{\"event\":\"error\"," + AtJson + ",\"message\":\"unknown command \\u0027/x\\u0027 (see /help)\"}", lines[3]);
    }

    [Fact]
    public void Escapes_control_characters_so_an_event_stays_on_one_line()
    {
        var (writer, output) = Create();

        writer.Write(new ChatReceived(At, "m", "id", "na\nme", "line1\r\nline2\u2028", "all", "link", 1, At, true));

        var text = output.ToString();
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"from_changed_key\":true", text, StringComparison.Ordinal);
    }

    private static (HeadlessEventWriter Writer, StringWriter Output) Create()
    {
        var output = new StringWriter();
        return (new HeadlessEventWriter(output, new FixedTime(At)), output);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
