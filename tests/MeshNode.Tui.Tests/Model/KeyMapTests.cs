using MeshNode.Tui.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Model;

public sealed class KeyMapTests
{
    private readonly TuiModel _model = NewModel(new ManualTimeProvider(Start));

    private KeyOutcome Press(ConsoleKey key, bool shift = false, bool alt = false, bool control = false, char ch = '\0') =>
        _model.HandleKey(Key(key, shift, alt, control, ch));

    private void Type(string text)
    {
        foreach (var c in text)
        {
            _model.HandleKey(Char(c));
        }
    }

    [Fact]
    public void Typing_fills_the_input_and_Enter_submits_it_into_the_history()
    {
        Type("hello");

        var outcome = Press(ConsoleKey.Enter);

        Assert.Equal(new KeyOutcome.Submit("hello"), outcome);
        Assert.Equal(string.Empty, _model.Input.Text);
        Assert.Equal(["hello"], _model.Input.History);
    }

    [Fact]
    public void Enter_on_a_blank_line_does_nothing()
    {
        Type("   ");

        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.Enter));
        Assert.Empty(_model.Input.History);
    }

    [Fact]
    public void Cursor_keys_edit_in_the_middle_of_the_line()
    {
        Type("helo");
        Press(ConsoleKey.LeftArrow);
        Type("l");
        Press(ConsoleKey.Home);
        Press(ConsoleKey.Delete);
        Type("H");
        Press(ConsoleKey.End);
        Press(ConsoleKey.Backspace);
        Press(ConsoleKey.RightArrow);

        Assert.Equal("Hell", _model.Input.Text);
        Assert.Equal(4, _model.Input.Cursor);
    }

    [Fact]
    public void Ctrl_U_clears_the_line()
    {
        Type("oops");

        Assert.IsType<KeyOutcome.Redraw>(Press(ConsoleKey.U, control: true, ch: '\u0015'));
        Assert.Equal(string.Empty, _model.Input.Text);
    }

    [Fact]
    public void Up_and_Down_recall_history_and_return_to_the_line_being_typed()
    {
        foreach (var line in new[] { "one", "two" })
        {
            Type(line);
            Press(ConsoleKey.Enter);
        }

        Type("dra");
        Press(ConsoleKey.UpArrow);
        Assert.Equal("two", _model.Input.Text);
        Press(ConsoleKey.UpArrow);
        Press(ConsoleKey.UpArrow);
        Assert.Equal("one", _model.Input.Text);
        Press(ConsoleKey.DownArrow);
        Assert.Equal("two", _model.Input.Text);
        Press(ConsoleKey.DownArrow);
        Assert.Equal("dra", _model.Input.Text);
    }

    [Fact]
    public void Tab_and_Shift_Tab_cycle_the_focus_through_the_panes()
    {
        var order = new List<Pane>();
        for (var i = 0; i < 4; i++)
        {
            Press(ConsoleKey.Tab);
            order.Add(_model.Focus);
        }

        Assert.Equal([Pane.Peers, Pane.Chat, Pane.Topology, Pane.Input], order);
        Press(ConsoleKey.Tab, shift: true);
        Assert.Equal(Pane.Topology, _model.Focus);
    }

    [Fact]
    public void Esc_returns_focus_to_the_input()
    {
        Press(ConsoleKey.Tab);

        Assert.IsType<KeyOutcome.Redraw>(Press(ConsoleKey.Escape));
        Assert.Equal(Pane.Input, _model.Focus);
    }

    [Fact]
    public void In_the_peer_list_arrows_select_and_Enter_opens_the_direct_tab()
    {
        _model.ApplyPeers(0, [Peer(1, 1, true), Peer(2, 2, false), Peer(3, 3, false)]);
        Press(ConsoleKey.Tab);

        Press(ConsoleKey.DownArrow);
        Press(ConsoleKey.DownArrow);
        Press(ConsoleKey.DownArrow);
        Press(ConsoleKey.UpArrow);
        var outcome = Press(ConsoleKey.Enter);

        Assert.Equal(new KeyOutcome.OpenedConversation(Id(2)), outcome);
        Assert.Equal(Id(2), _model.CurrentConversation);
    }

    [Fact]
    public void Enter_on_an_empty_peer_list_does_nothing()
    {
        Press(ConsoleKey.Tab);

        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.Enter));
    }

    [Fact]
    public void The_selection_follows_the_peer_when_the_list_reorders()
    {
        _model.ApplyPeers(0, [Peer(1, 1, true), Peer(2, 2, false)]);
        Press(ConsoleKey.Tab);
        Press(ConsoleKey.DownArrow);

        _model.ApplyPeers(0, [Peer(1, 3, false), Peer(2, 1, true)]);

        Assert.Equal(Id(2), _model.CurrentNode.Peers.Selected!.NodeId);
        Assert.Equal(0, _model.CurrentNode.Peers.SelectedIndex);
    }

    [Fact]
    public void PageUp_and_PageDown_scroll_the_chat_from_any_focus_and_Esc_jumps_to_the_newest()
    {
        for (var i = 0; i < 40; i++)
        {
            _model.Apply(0, Chat($"m{i}", 1, $"line {i}"));
        }

        _model.NoteLayout(chatRows: 11, peerRows: 5, topologyRows: 5);
        Press(ConsoleKey.PageUp);
        Assert.Equal(10, _model.CurrentNode.Chat.Active.ScrollOffset);
        Press(ConsoleKey.Tab);
        Press(ConsoleKey.PageUp);
        Assert.Equal(20, _model.CurrentNode.Chat.Active.ScrollOffset);
        Press(ConsoleKey.PageDown);
        Assert.Equal(10, _model.CurrentNode.Chat.Active.ScrollOffset);

        Press(ConsoleKey.Escape);
        Press(ConsoleKey.Escape);
        Assert.Equal(0, _model.CurrentNode.Chat.Active.ScrollOffset);
    }

    [Fact]
    public void Scrolling_stops_at_the_oldest_and_the_newest_line()
    {
        for (var i = 0; i < 5; i++)
        {
            _model.Apply(0, Chat($"m{i}", 1, $"line {i}"));
        }

        Press(ConsoleKey.PageUp);
        Press(ConsoleKey.PageUp);
        Assert.Equal(4, _model.CurrentNode.Chat.Active.ScrollOffset);
        Press(ConsoleKey.PageDown);
        Press(ConsoleKey.PageDown);
        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.PageDown));
        Assert.Equal(0, _model.CurrentNode.Chat.Active.ScrollOffset);
    }

    [Fact]
    public void A_new_line_keeps_a_scrolled_view_where_it_is()
    {
        for (var i = 0; i < 30; i++)
        {
            _model.Apply(0, Chat($"m{i}", 1, $"line {i}"));
        }

        Press(ConsoleKey.PageUp);
        var offset = _model.CurrentNode.Chat.Active.ScrollOffset;
        _model.Apply(0, Chat("new", 1, "new"));

        Assert.Equal(offset + 1, _model.CurrentNode.Chat.Active.ScrollOffset);
    }

    [Fact]
    public void Up_and_Down_scroll_the_chat_when_it_has_focus()
    {
        for (var i = 0; i < 5; i++)
        {
            _model.Apply(0, Chat($"m{i}", 1, $"line {i}"));
        }

        Press(ConsoleKey.Tab);
        Press(ConsoleKey.Tab);
        Press(ConsoleKey.UpArrow);
        Press(ConsoleKey.UpArrow);
        Press(ConsoleKey.DownArrow);

        Assert.Equal(1, _model.CurrentNode.Chat.Active.ScrollOffset);
    }

    [Fact]
    public void Up_and_Down_scroll_the_topology_when_it_has_focus()
    {
        _model.ApplyTopology(0, Line(6));
        _model.NoteLayout(chatRows: 10, peerRows: 5, topologyRows: 3);
        Press(ConsoleKey.Tab, shift: true);

        Press(ConsoleKey.DownArrow);
        Press(ConsoleKey.DownArrow);
        Press(ConsoleKey.UpArrow);
        Assert.Equal(1, _model.CurrentNode.Topology.Scroll);
        Press(ConsoleKey.End);
        Assert.Equal(3, _model.CurrentNode.Topology.Scroll);
        Press(ConsoleKey.Home);
        Assert.Equal(0, _model.CurrentNode.Topology.Scroll);
        Assert.Equal(string.Empty, _model.Input.Text);
    }

    [Fact]
    public void Ctrl_arrows_and_Alt_digits_switch_chat_tabs()
    {
        _model.OpenConversation(Id(1));
        _model.OpenConversation(Id(2));

        Press(ConsoleKey.RightArrow, control: true);
        Assert.Null(_model.CurrentConversation);
        Press(ConsoleKey.LeftArrow, control: true);
        Assert.Equal(Id(2), _model.CurrentConversation);
        Press(ConsoleKey.D2, alt: true, ch: '2');
        Assert.Equal(Id(1), _model.CurrentConversation);
        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.D9, alt: true, ch: '9'));
        Assert.Equal(string.Empty, _model.Input.Text);
    }

    [Fact]
    public void Ctrl_W_closes_the_active_direct_tab_never_the_everyone_tab_and_a_new_message_reopens_it()
    {
        _model.OpenConversation(Id(1));
        _model.OpenConversation(Id(2));

        Assert.IsType<KeyOutcome.Redraw>(Press(ConsoleKey.W, control: true, ch: '\u0017'));
        Assert.Equal(Id(1), _model.CurrentConversation);
        Press(ConsoleKey.W, control: true, ch: '\u0017');
        Assert.Null(_model.CurrentConversation);
        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.W, control: true, ch: '\u0017'));
        Assert.Single(_model.CurrentNode.Chat.Tabs);
        Assert.Equal(string.Empty, _model.Input.Text);

        _model.Apply(0, Chat("m1", 2, "still there?", scope: "direct", security: "e2e"));
        Assert.Equal(2, _model.CurrentNode.Chat.Tabs.Count);
        Assert.Equal(1, _model.CurrentNode.Chat.Tabs[1].Unread);
    }

    [Fact]
    public void Switching_to_a_tab_clears_its_unread_count()
    {
        _model.Apply(0, Chat("d", 1, "hi", scope: "direct", security: "e2e"));

        Press(ConsoleKey.RightArrow, control: true);

        Assert.Equal(0, _model.CurrentNode.Chat.Active.Unread);
    }

    [Fact]
    public void F1_shows_help_and_any_key_closes_it_without_acting()
    {
        Press(ConsoleKey.F1);
        Assert.True(_model.HelpVisible);

        Assert.IsType<KeyOutcome.Redraw>(Press(ConsoleKey.Enter));
        Assert.False(_model.HelpVisible);
        Assert.Empty(_model.Input.History);
    }

    [Fact]
    public void Ctrl_C_quits_even_with_help_open()
    {
        _model.ShowHelp();

        Assert.IsType<KeyOutcome.Quit>(Press(ConsoleKey.C, control: true, ch: '\u0003'));
    }

    [Fact]
    public void A_printable_key_in_another_pane_moves_focus_to_the_input_and_types()
    {
        Press(ConsoleKey.Tab);
        Press(ConsoleKey.Tab);

        _model.HandleKey(Char('h'));

        Assert.Equal(Pane.Input, _model.Focus);
        Assert.Equal("h", _model.Input.Text);
    }

    [Fact]
    public void Keys_without_a_binding_change_nothing()
    {
        var version = _model.Version;

        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.F7));
        Assert.IsType<KeyOutcome.None>(Press(ConsoleKey.LeftArrow));
        Assert.Equal(version, _model.Version);
    }

    [Fact]
    public void Every_redraw_outcome_bumps_the_version()
    {
        var version = _model.Version;

        Assert.IsType<KeyOutcome.Redraw>(_model.HandleKey(Char('a')));
        Assert.True(_model.Version > version);
    }
}
