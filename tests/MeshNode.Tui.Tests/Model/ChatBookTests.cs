using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Model;

/// <summary>The chat tabs of a node (<see cref="ChatBook"/>, <see cref="ChatTab"/>) as the model feeds them.</summary>
public sealed class ChatBookTests
{
    private readonly ManualTimeProvider _time = new(Start);

    [Fact]
    public void An_own_message_is_sent_or_queued_and_marked_delivered_by_its_receipt()
    {
        var model = NewModel(_time);
        model.AddOwnMessage(0, Id(1), new SendOutcome("m1", Queued: true), "later");
        model.AddOwnMessage(0, "all", new SendOutcome("m2", Queued: false), "now");

        var direct = model.CurrentNode.Chat.Tabs[1].Lines[0];
        Assert.Equal(OwnStatus.Queued, direct.Status);
        Assert.Equal(SecurityLevel.EndToEnd, direct.Security);
        Assert.Equal(OwnStatus.Sent, model.CurrentNode.Chat.Tabs[0].Lines[0].Status);

        model.Apply(0, new ChatDelivered(Start, "m1", Id(1)));
        Assert.Equal(OwnStatus.Delivered, direct.Status);

        model.Apply(0, new ChatQueued(Start, "m1", Id(1)));
        Assert.Equal(OwnStatus.Delivered, direct.Status);
    }

    [Fact]
    public void A_receipt_that_overtakes_the_send_reply_still_marks_the_message_delivered()
    {
        var model = NewModel(_time);

        model.Apply(0, new ChatDelivered(Start, "fast", Id(1)));
        model.AddOwnMessage(0, Id(1), new SendOutcome("fast", Queued: false), "quick");

        Assert.Equal(OwnStatus.Delivered, model.CurrentNode.Chat.Tabs[1].Lines[0].Status);
    }

    [Fact]
    public void A_queued_notice_marks_a_sent_message_queued()
    {
        var model = NewModel(_time);
        model.AddOwnMessage(0, Id(1), new SendOutcome("m", Queued: false), "x");

        model.Apply(0, new ChatQueued(Start, "m", Id(1)));

        Assert.Equal(OwnStatus.Queued, model.CurrentNode.Chat.Tabs[1].Lines[0].Status);
    }

    [Fact]
    public void Own_broadcasts_carry_the_networks_security_level()
    {
        var model = NewModel(_time);
        model.Apply(0, Started(0, "open"));
        model.AddOwnMessage(0, "all", new SendOutcome("a", false), "open");
        model.ApplyStatus(0, new NodeStatusView("passphrase", 0, 0, 0));
        model.AddOwnMessage(0, "all", new SendOutcome("b", false), "closed");

        var lines = model.CurrentNode.Chat.Tabs[0].Lines;
        Assert.Equal([SecurityLevel.Link, SecurityLevel.Network], lines.Select(l => l.Security));
    }

    [Fact]
    public void History_merges_in_time_order_without_duplicating_messages_that_arrived_as_events()
    {
        var model = NewModel(_time);
        model.Apply(0, Chat("live", 1, "live one", at: Start.AddMinutes(5)));

        model.ApplyHistory(0,
        [
            new ChatHistoryItem("old", "all", Id(2), "carol", "old one", Start.AddMinutes(1), "network", 2, false, false, false, false),
            new ChatHistoryItem("live", "all", Id(1), "bob", "live one", Start.AddMinutes(5), "network", 1, false, false, false, false),
            new ChatHistoryItem("mine", "all", Id(0), "alice", "mine", Start.AddMinutes(3), "network", 0, true, false, false, false),
            new ChatHistoryItem("dm", Id(3), Id(3), "dave", "direct", Start.AddMinutes(2), "e2e", 3, false, false, false, true),
            new ChatHistoryItem("dm-out", Id(3), Id(0), "alice", "reply", Start.AddMinutes(4), "e2e", 0, true, true, false, false),
        ]);
        model.ApplyHistory(0, [new ChatHistoryItem("old", "all", Id(2), "carol", "old one", Start.AddMinutes(1), "network", 2, false, false, false, false)]);

        var everyone = model.CurrentNode.Chat.Tabs[0];
        Assert.Equal(["old", "mine", "live"], everyone.Lines.Select(l => l.MessageId));
        Assert.Equal(ChatLineKind.Own, everyone.Lines[1].Kind);
        var direct = model.CurrentNode.Chat.Tabs[1];
        Assert.Equal(["dm", "dm-out"], direct.Lines.Select(l => l.MessageId));
        Assert.True(direct.Lines[0].FromChangedKey);
        Assert.Equal(OwnStatus.Delivered, direct.Lines[1].Status);
        Assert.Equal(0, model.CurrentNode.Chat.UnreadTotal);
    }

    [Fact]
    public void The_same_message_arriving_twice_is_shown_once_and_counted_once()
    {
        var model = NewModel(_time);
        model.Apply(0, Chat("d", 1, "once", scope: "direct", security: "e2e"));
        model.Apply(0, Chat("d", 1, "once", scope: "direct", security: "e2e"));

        Assert.Single(model.CurrentNode.Chat.Tabs[1].Lines);
        Assert.Equal(1, model.CurrentNode.Chat.Tabs[1].Unread);
    }

    [Fact]
    public void A_tab_keeps_at_most_MaxLinesPerTab_lines_dropping_the_oldest()
    {
        var model = NewModel(_time, maxLines: 50);
        for (var i = 0; i < 120; i++)
        {
            model.Apply(0, Chat($"m{i}", 1, $"line {i}"));
        }

        var lines = model.CurrentNode.Chat.Tabs[0].Lines;
        Assert.Equal(50, lines.Count);
        Assert.Equal("line 70", lines[0].Text);

        model.ApplyHistory(0, [new ChatHistoryItem("m119", "all", Id(1), "bob", "line 119", Start, "network", 1, false, false, false, false)]);
        Assert.Equal(50, lines.Count);
        Assert.Equal("line 119", lines[^1].Text);
    }
}
