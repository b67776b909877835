using MeshNode.Core.Node;
using MeshNode.Tui.App;
using MeshNode.Tui.Commands;
using MeshNode.Tui.Model;

namespace MeshNode.Tui.Tests.App;

public sealed class TuiCommandRunnerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_chat_line_in_the_everyone_tab_is_sent_to_all_and_shown_as_own()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        var model = Model(node);

        var result = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Say("hi all"), conversation: null, CancellationToken.None);
        result.Apply(model);

        Assert.Equal(["all:hi all"], node.Calls);
        var line = Assert.Single(model.Nodes[0].Chat.Active.Lines, l => l.Kind == ChatLineKind.Own);
        Assert.Equal("hi all", line.Text);
    }

    [Fact]
    public async Task A_chat_line_in_a_direct_tab_goes_to_that_peer_by_id()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");

        await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Say("psst"), conversation: "b2b2b2b2b2b2b2b2", CancellationToken.None);

        Assert.Equal(["direct:b2b2b2b2b2b2b2b2:psst"], node.Calls);
    }

    [Fact]
    public async Task Msg_by_name_files_the_message_under_the_peer_id_and_asks_to_open_its_tab()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        node.Peers.Add(Peer("b2b2b2b2b2b2b2b2", "Bob"));

        var result = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.SendDirect("bob", "hello"), null, CancellationToken.None);

        Assert.Equal("b2b2b2b2b2b2b2b2", result.OpenConversation);
        Assert.Contains("direct:bob:hello", node.Calls);
    }

    [Fact]
    public async Task A_refusal_by_the_node_becomes_an_error_notice()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1") { Fail = new NodeCommandException("No known peer is called or has the id 'zed'.") };
        var model = Model(node);

        var result = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.SendDirect("zed", "hello"), null, CancellationToken.None);
        result.Apply(model);

        var notice = Assert.Single(model.Nodes[0].Chat.Active.Lines);
        Assert.Equal(ChatLineKind.Notice, notice.Kind);
        Assert.Equal(NoticeKind.Error, notice.Notice);
        Assert.Contains("No known peer", notice.Text, StringComparison.Ordinal);
        Assert.Null(result.OpenConversation);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("host:99999")]
    [InlineData(":")]
    public async Task A_bad_endpoint_for_connect_is_an_error_notice_and_nothing_is_dialled(string endpoint)
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        var model = Model(node);

        var result = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Connect(endpoint), null, CancellationToken.None);
        result.Apply(model);

        Assert.Empty(node.Calls);
        Assert.Equal(NoticeKind.Error, Assert.Single(model.Nodes[0].Chat.Active.Lines).Notice);
    }

    [Fact]
    public async Task Trust_and_connect_ask_for_fresh_peers_and_status()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");

        var trust = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Trust("bob", "ABCD"), null, CancellationToken.None);
        var connect = await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Connect("127.0.0.1:7000"), null, CancellationToken.None);

        Assert.True(trust.RefreshViews);
        Assert.True(connect.RefreshViews);
        Assert.Equal(["trust:bob:ABCD", "connect:127.0.0.1:7000"], node.Calls);
    }

    [Fact]
    public async Task Peers_and_trace_replies_are_info_notices()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        node.Peers.Add(Peer("b2b2b2b2b2b2b2b2", "bob"));
        var model = Model(node);

        (await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Peers(), null, CancellationToken.None)).Apply(model);
        (await TuiCommandRunner.RunAsync(node, 0, new SlashCommand.Trace("bob"), null, CancellationToken.None)).Apply(model);

        var lines = model.Nodes[0].Chat.Active.Lines;
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(NoticeKind.Info, l.Notice));
        Assert.Contains("bob (b2b2b2b2, B2B2-B2B2): online, 1 hop, rtt 2.0 ms, pinned", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("path to bob: alice -> bob (round trip 3.0 ms)", lines[1].Text, StringComparison.Ordinal);
    }

    private static TuiModel Model(FakeMeshNode node) =>
        new([new TuiNodeInfo(node.NodeId, node.Name, node.Fingerprint, 7400)], new ManualClock(), new TuiModelOptions { TimeZone = TimeZoneInfo.Utc });

    private static PeerView Peer(string id, string name) =>
        new(id, name, "B2B2-B2B2", 1, TimeSpan.FromMilliseconds(2), Online: true, Linked: true, Trust: "pinned", At);
}
