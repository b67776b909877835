using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Model;

public sealed class TuiModelTests
{
    private readonly ManualTimeProvider _time = new(Start);

    private sealed record SomethingNew(DateTimeOffset At) : NodeEvent(At);

    [Fact]
    public void NodeStarted_sets_identity_port_and_security_and_bumps_the_version()
    {
        var model = NewModel(_time);
        var before = model.Version;

        model.Apply(0, new NodeStarted(Start, Id(0), "alice2", 4242, Fingerprint(0), "passphrase"));

        Assert.True(model.Version > before);
        Assert.Equal("alice2", model.CurrentNode.Name);
        Assert.Equal(4242, model.CurrentNode.Port);
        Assert.Equal("passphrase", model.CurrentNode.Security);
    }

    [Fact]
    public void PeerDiscovered_lists_the_peer_as_away_and_unlinked()
    {
        var model = NewModel(_time);

        model.Apply(0, new PeerDiscovered(Start, Id(1), "bob", "10.0.0.2:1", "announce"));

        var peer = Assert.Single(model.CurrentNode.Peers.Peers);
        Assert.Equal(("bob", false, false), (peer.Name, peer.Online, peer.Linked));
    }

    [Fact]
    public void A_node_never_lists_itself_as_a_peer()
    {
        var model = NewModel(_time);

        model.Apply(0, new PeerDiscovered(Start, Id(0), "alice", "10.0.0.1:1", "announce"));
        model.Apply(0, new LinkUp(Start, Id(0), "alice", "10.0.0.1:1", false));

        Assert.Empty(model.CurrentNode.Peers.Peers);
        Assert.Equal(0, model.CurrentNode.Links);
    }

    [Fact]
    public void LinkUp_and_LinkDown_track_the_peer_and_the_link_count()
    {
        var model = NewModel(_time);

        model.Apply(0, new LinkUp(Start, Id(1), "bob", "10.0.0.2:1", true));
        Assert.Equal(1, model.CurrentNode.Links);
        Assert.True(model.CurrentNode.Peers.Peers[0].Linked);
        Assert.Equal(1, model.CurrentNode.Peers.Peers[0].Hops);

        model.Apply(0, new LinkDown(Start, Id(1), "bob", "dead link"));
        Assert.Equal(0, model.CurrentNode.Links);
        Assert.False(model.CurrentNode.Peers.Peers[0].Linked);
    }

    [Fact]
    public void A_broadcast_goes_to_the_everyone_tab_and_a_direct_message_to_the_senders_tab()
    {
        var model = NewModel(_time);

        model.Apply(0, Chat("a", 1, "hi all"));
        model.Apply(0, Chat("d", 2, "psst", scope: "direct", security: "e2e"));

        var tabs = model.CurrentNode.Chat.Tabs;
        Assert.Equal(2, tabs.Count);
        Assert.Equal("hi all", Assert.Single(tabs[0].Lines).Text);
        Assert.Equal(Id(2), tabs[1].Conversation);
        Assert.Equal("carol", tabs[1].Title);
        Assert.Equal(SecurityLevel.EndToEnd, Assert.Single(tabs[1].Lines).Security);
    }

    [Fact]
    public void Unread_counts_messages_outside_the_active_tab_and_opening_the_tab_clears_them()
    {
        var model = NewModel(_time);

        model.Apply(0, Chat("a", 1, "seen at once"));
        model.Apply(0, Chat("d1", 2, "one", scope: "direct", security: "e2e"));
        model.Apply(0, Chat("d2", 2, "two", scope: "direct", security: "e2e"));

        var chat = model.CurrentNode.Chat;
        Assert.Equal(0, chat.Tabs[0].Unread);
        Assert.Equal(2, chat.Tabs[1].Unread);
        Assert.Equal(2, chat.UnreadTotal);

        model.OpenConversation(Id(2));
        Assert.Equal(0, chat.Tabs[1].Unread);
        Assert.Equal(Id(2), model.CurrentConversation);

        model.Apply(0, Chat("a2", 1, "now everyone is unread"));
        Assert.Equal(1, chat.Tabs[0].Unread);
    }

    [Fact]
    public void Unread_counts_per_node_and_switching_to_a_node_clears_its_active_tab()
    {
        var model = NewModel(_time, nodes: 3, lab: true);

        model.Apply(1, Chat("x", 0, "to node 1"));
        model.Apply(2, Chat("y", 0, "to node 2"));
        model.Apply(0, Chat("z", 1, "to node 0, on screen"));

        Assert.Equal([0, 1, 1], model.Nodes.Select(n => n.Chat.UnreadTotal));
        model.SwitchTo(2);
        Assert.Equal(2, model.Current);
        Assert.Equal([0, 1, 0], model.Nodes.Select(n => n.Chat.UnreadTotal));
    }

    [Fact]
    public void Each_node_keeps_its_own_tabs_peers_and_selection()
    {
        var model = NewModel(_time, nodes: 2, lab: true);
        model.ApplyPeers(0, [Peer(1, 1, true), Peer(2, 2, false)]);
        model.ApplyPeers(1, [Peer(0, 1, true)]);
        model.OpenConversation(Id(2));
        model.CurrentNode.Peers.MoveSelection(1);

        model.SwitchTo(1);
        Assert.Null(model.CurrentConversation);
        Assert.Equal(0, model.CurrentNode.Peers.SelectedIndex);

        model.SwitchTo(0);
        Assert.Equal(Id(2), model.CurrentConversation);
        Assert.Equal(1, model.CurrentNode.Peers.SelectedIndex);
    }

    [Fact]
    public void Switching_to_a_node_that_does_not_exist_shows_an_error_and_stays()
    {
        var model = NewModel(_time, nodes: 2, lab: true);

        model.SwitchTo(5);

        Assert.Equal(0, model.Current);
        var notice = Assert.Single(model.CurrentNode.Chat.Active.Lines);
        Assert.Equal((ChatLineKind.Notice, NoticeKind.Error), (notice.Kind, notice.Notice));
        Assert.Contains("0 to 1", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_key_is_flagged_until_a_peer_listing_shows_the_peer_trusted()
    {
        var model = NewModel(_time);
        model.ApplyPeers(0, [Peer(1, 1, true)]);

        model.Apply(0, new KeyChanged(Start, Id(1), "bob", Fingerprint(1), Fingerprint(9)));
        Assert.Equal(PeerTrust.ChangedKey, model.CurrentNode.Peers.Peers[0].Trust);
        var warning = Assert.Single(model.CurrentNode.Chat.Active.Lines);
        Assert.Equal(NoticeKind.Warning, warning.Notice);
        Assert.Contains("/trust bob", warning.Text, StringComparison.Ordinal);

        // A listing that has not caught up (trust unknown) does not clear the flag.
        model.ApplyPeers(0, [Peer(1, 1, true, trust: "")]);
        Assert.Equal(PeerTrust.ChangedKey, model.CurrentNode.Peers.Peers[0].Trust);

        model.ApplyPeers(0, [Peer(1, 1, true, trust: "pinned")]);
        Assert.Equal(PeerTrust.Pinned, model.CurrentNode.Peers.Peers[0].Trust);
        Assert.False(model.CurrentNode.Peers.HasChangedKey(Id(1)));
    }

    [Fact]
    public void A_message_from_a_changed_key_flags_the_message_and_the_sender()
    {
        var model = NewModel(_time);

        model.Apply(0, Chat("m", 1, "trust me", changedKey: true));

        Assert.True(model.CurrentNode.Chat.Tabs[0].Lines[0].FromChangedKey);
        Assert.Equal(PeerTrust.ChangedKey, model.CurrentNode.Peers.Peers[0].Trust);
    }

    [Fact]
    public void Warnings_and_errors_become_notices_in_the_nodes_current_tab()
    {
        var model = NewModel(_time);
        model.OpenConversation(Id(1));

        model.Apply(0, new NodeWarning(Start, "dropped 3 events"));
        model.Apply(0, new NodeError(Start, "no route to carol"));

        var lines = model.CurrentNode.Chat.Tabs[1].Lines;
        Assert.Equal([NoticeKind.Warning, NoticeKind.Error], lines.Select(l => l.Notice));
        Assert.All(lines, l => Assert.Equal(ChatLineKind.Notice, l.Kind));
    }

    [Fact]
    public void Notices_keep_their_lines()
    {
        var model = NewModel(_time);

        model.AddNotice(0, NoticeKind.Info, "peers:\n bob\n carol");

        Assert.Equal("peers:\n bob\n carol", model.CurrentNode.Chat.Active.Lines[0].Text);
    }

    [Fact]
    public void Unknown_event_types_and_node_indexes_are_ignored()
    {
        var model = NewModel(_time);
        var before = model.Version;

        model.Apply(0, new SomethingNew(Start));
        model.Apply(7, Chat("x", 1, "nowhere"));
        model.Apply(-1, Chat("x", 1, "nowhere"));
        model.ApplyPeers(3, [Peer(1, 1, true)]);
        model.AddNotice(9, NoticeKind.Info, "x");

        Assert.Equal(before, model.Version);
        Assert.Empty(model.CurrentNode.Chat.Active.Lines);
    }

    [Fact]
    public void OpenConversation_activates_a_direct_tab_once_and_ignores_this_node_and_blanks()
    {
        var model = NewModel(_time);
        model.ApplyPeers(0, [Peer(1, 1, true)]);

        model.OpenConversation(Id(1));
        model.OpenConversation(Id(1));
        model.OpenConversation(Id(0));
        model.OpenConversation("  ");

        Assert.Equal(2, model.CurrentNode.Chat.Tabs.Count);
        Assert.Equal("bob", model.CurrentNode.Chat.Active.Title);
        Assert.Equal(Id(1), model.CurrentConversation);
    }

    [Fact]
    public void Refreshes_that_show_nothing_new_leave_the_version_alone()
    {
        var model = NewModel(_time);
        model.ApplyPeers(0, [Peer(1, 1, true), Peer(2, 2, false)]);
        model.ApplyStatus(0, new NodeStatusView("open", 1, 2, 0));
        model.ApplyTopology(0, Line(3));
        var version = model.Version;

        model.ApplyPeers(0, [Peer(2, 2, false), Peer(1, 1, true)]);
        model.ApplyStatus(0, new NodeStatusView("open", 1, 2, 0));
        model.ApplyTopology(0, Line(3));
        model.Apply(0, new TopologyChanged(Start, Line(3)));
        Assert.Equal(version, model.Version);

        model.ApplyStatus(0, new NodeStatusView("open", 1, 2, 1));
        Assert.True(model.Version > version);
    }

    [Fact]
    public void Status_sets_links_outbox_and_security()
    {
        var model = NewModel(_time);

        model.ApplyStatus(0, new NodeStatusView("open", 3, 7, 2));

        var node = model.CurrentNode;
        Assert.Equal(("open", 3, 7, (int?)2), (node.Security, node.Links, node.KnownPeers, node.Outbox));
    }

    [Fact]
    public void Options_come_from_the_mesh_ui_settings()
    {
        var ui = new UiSettings { RefreshInterval = TimeSpan.FromMilliseconds(100), MaxLinesPerTab = 500, LinkHighlight = TimeSpan.FromSeconds(5) };

        var options = TuiModelOptions.From(ui, lab: true, TimeZoneInfo.Utc);

        Assert.Equal((500, TimeSpan.FromSeconds(5), true, TimeZoneInfo.Utc), (options.MaxLinesPerTab, options.HighlightFor, options.Lab, options.TimeZone));
    }

    [Fact]
    public void A_zero_highlight_time_lights_nothing()
    {
        var model = new TuiModel([Info(0)], _time, new TuiModelOptions { HighlightFor = TimeSpan.Zero, TimeZone = Zone });
        model.ApplyTopology(0, Line(2));
        model.ApplyTopology(0, Line(3));

        Assert.Null(model.NextExpiry);
        Assert.DoesNotContain(model.CurrentNode.Topology.Rows, r => r.Appeared);
    }

    [Fact]
    public void Help_shows_until_a_key_and_bumps_the_version()
    {
        var model = NewModel(_time);
        var before = model.Version;

        model.ShowHelp();
        Assert.True(model.HelpVisible);
        Assert.True(model.Version > before);
        model.HandleKey(Char('x'));

        Assert.False(model.HelpVisible);
        Assert.Equal(string.Empty, model.Input.Text);
    }
}
