using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using MeshNode.Tui.Rendering;
using MeshNode.Tui.Tests.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Rendering;

public sealed class TuiRendererTests
{
    private static string Frame(TuiModel model, int width, int height, bool color = false, bool? ansi = null) =>
        FrameText.Render(TuiRenderer.Render(model, width, height), width, height, color, ansi);

    [Fact]
    public void Every_frame_size_from_the_smallest_up_is_exact_even_with_hostile_input()
    {
        var random = new Random(1234);
        foreach (var scenario in new[] { "hostile", "fifty-nodes", "changed-key" })
        {
            var model = Scenarios.Build(scenario);
            for (var i = 0; i < 25; i++)
            {
                var width = random.Next(1, 220);
                var height = random.Next(1, 70);
                FrameAssert.ExactSize(Frame(model, width, height), width, height);
            }
        }
    }

    [Fact]
    public void Urls_become_terminal_hyperlinks_in_colour()
    {
        var text = Frame(Scenarios.FiveNodeLine(), 120, 40, color: true);

        Assert.Contains("\u001b]8;", text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/map?site=4\u001b\\", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_colour_but_with_ansi_the_cursor_and_links_remain_and_no_colour_is_sent()
    {
        var text = Frame(Scenarios.FiveNodeLine(), 80, 24, color: false, ansi: true);

        Assert.Contains("\u001b[7m", text, StringComparison.Ordinal);
        Assert.Contains("\u001b]8;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("38;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("48;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_output_holds_no_escape_sequence()
    {
        var text = Frame(Scenarios.Hostile(), 120, 40);

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("[red]x[/][link=http://evil]y[/]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Peer_text_cannot_inject_markup_or_terminal_escapes_in_colour()
    {
        var text = Frame(Scenarios.Hostile(), 120, 40, color: true);

        Assert.Contains("[red]x[/][link=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b]0;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", text, StringComparison.Ordinal);

        // The only escapes are the renderer's own: colour (CSI ... m) and hyperlinks (OSC 8).
        for (var i = text.IndexOf('\u001b', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\u001b', i + 1))
        {
            var next = text.AsSpan(i + 1);
            Assert.True(next.StartsWith("[") || next.StartsWith("]8;") || next.StartsWith("\\"), $"stray escape at {i}");
            if (next.StartsWith("["))
            {
                var end = next[1..].IndexOfAnyInRange('\u0040', '\u007e') + 1;
                Assert.Equal('m', next[end]);
            }
        }
        Assert.DoesNotContain('\u202e', text);
    }

    [Fact]
    public void A_long_tab_shows_its_newest_lines_and_a_hint_when_scrolled()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        for (var i = 0; i < 1000; i++)
        {
            model.Apply(0, Chat($"m{i}", 1 + (i % 4), $"message number {i}", at: Start.AddSeconds(i)));
        }

        var bottom = Frame(model, 80, 24);
        Assert.Contains("message number 999", bottom, StringComparison.Ordinal);
        Assert.DoesNotContain("more below", bottom, StringComparison.Ordinal);

        model.HandleKey(Key(ConsoleKey.PageUp));
        var scrolled = Frame(model, 80, 24);
        Assert.Contains("\u2193 20 more below", scrolled, StringComparison.Ordinal);
        Assert.Contains("message number 979", scrolled, StringComparison.Ordinal);
        Assert.DoesNotContain("message number 980", scrolled, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrolled_to_the_oldest_line_the_page_is_full_from_the_top()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        for (var i = 0; i < 30; i++)
        {
            model.Apply(0, Chat($"m{i}", 1, $"message number {i}", at: Start.AddSeconds(i)));
        }

        model.HandleKey(Key(ConsoleKey.Tab));
        model.HandleKey(Key(ConsoleKey.Tab));
        model.HandleKey(Key(ConsoleKey.Home));
        var rows = Frame(model, 80, 24).Split('\n');

        Assert.Contains("message number 0", rows[2], StringComparison.Ordinal);
        Assert.Contains("message number 19", rows[21], StringComparison.Ordinal);
        Assert.Contains("10 more below", rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_tabs_with_peers_of_the_same_name_show_the_peer_id()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.ApplyPeers(0, [Peer(1, 1, true) with { Name = "bob" }, Peer(2, 1, true) with { Name = "bob" }]);
        model.OpenConversation(Id(1));
        model.OpenConversation(Id(2));

        var rows = Frame(model, 120, 40).Split('\n');

        Assert.Contains("@bob#0002 [@bob#0003]", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("@bob#0003>", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_tells_the_model_the_chat_page_size()
    {
        var model = Scenarios.FiveNodeLine();

        _ = TuiRenderer.Render(model, 80, 24);

        Assert.Equal(21, model.PaneRows.Chat);
    }

    [Fact]
    public void The_focused_pane_and_the_selected_peer_are_marked_without_colour()
    {
        var model = Scenarios.FiveNodeLine();
        model.HandleKey(Key(ConsoleKey.Tab));
        model.HandleKey(Key(ConsoleKey.DownArrow));

        var rows = Frame(model, 80, 24).Split('\n');

        Assert.StartsWith("\u2501\u2501 \u25b6 Peers", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("\u25b8\u25cf  carol", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_shown_in_the_models_time_zone()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.Apply(0, Chat("m", 1, "noon UTC"));

        Assert.Contains("13:00 \u25c7  bob: noon UTC", Frame(model, 80, 24), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_from_another_day_sit_under_a_day_rule()
    {
        var time = new ManualTimeProvider(Start);
        var model = NewModel(time);
        model.ApplyHistory(0,
        [
            new ChatHistoryItem("y1", "all", Id(1), "bob", "yesterday", Start.AddDays(-1), "network", 1, false, false, false, false),
            new ChatHistoryItem("t1", "all", Id(1), "bob", "today", Start.AddMinutes(-5), "network", 1, false, false, false, false),
        ]);

        var rows = Frame(model, 80, 24).Split('\n');

        Assert.StartsWith("\u2500\u2500 Fri 20 Nov 2026 \u2500", rows[^5].Split('\u2502')[1], StringComparison.Ordinal);
        Assert.Contains("yesterday", rows[^4], StringComparison.Ordinal);
        Assert.StartsWith("\u2500\u2500 Sat 21 Nov 2026 \u2500", rows[^3].Split('\u2502')[1], StringComparison.Ordinal);
        Assert.Contains("today", rows[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_security_level_and_own_status_has_its_own_mark()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.Apply(0, Chat("a", 1, "via link", security: "link"));
        model.Apply(0, Chat("b", 1, "via network", security: "network"));
        model.Apply(0, Chat("c", 1, "unheard of", security: "quantum"));
        model.AddOwnMessage(0, "all", new SendOutcome("d", false), "mine");

        var text = Frame(model, 80, 24);

        Assert.Contains("\u25cb  bob: via link", text, StringComparison.Ordinal);
        Assert.Contains("\u25c7  bob: via network", text, StringComparison.Ordinal);
        Assert.Contains("?  bob: unheard of", text, StringComparison.Ordinal);
        Assert.Contains("\u25cb\u2192 alice: mine", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_input_scrolls_sideways_to_keep_the_cursor_in_view()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        foreach (var c in new string('a', 200) + "END")
        {
            model.HandleKey(Char(c));
        }

        var last = Frame(model, 80, 24).Split('\n')[^1];

        Assert.Contains("aEND ", last, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_line_says_when_nothing_is_known_yet()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.ApplyStatus(0, new NodeStatusView("open", 0, 0, 3));

        var first = Frame(model, 80, 24).Split('\n')[0];

        Assert.Contains("alice", first, StringComparison.Ordinal);
        Assert.Contains(":41000", first, StringComparison.Ordinal);
        Assert.Contains("0 links", first, StringComparison.Ordinal);
        Assert.Contains("outbox 3", first, StringComparison.Ordinal);
    }
}
