using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using MeshNode.Tui.Tests.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Rendering;

/// <summary>Scripted event sequences that put the UI in the states a reviewer wants to see.</summary>
internal static class Scenarios
{
    public static readonly IReadOnlyList<string> Names =
        ["empty-start", "five-node-line", "direct-tab", "changed-key", "fifty-nodes", "fifty-nodes-topology-focused", "help", "lab-node-1", "hostile"];

    public static TuiModel Build(string name) => name switch
    {
        "empty-start" => EmptyStart(),
        "five-node-line" => FiveNodeLine(),
        "direct-tab" => DirectTab(),
        "changed-key" => ChangedKey(),
        "fifty-nodes" => FiftyNodes(),
        "fifty-nodes-topology-focused" => FiftyNodesTopologyFocused(),
        "help" => Help(),
        "lab-node-1" => Lab(),
        "hostile" => Hostile(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scenario"),
    };

    public static TuiModel EmptyStart()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.Apply(0, Started(0, "open"));
        model.ApplyStatus(0, new NodeStatusView("open", 0, 0, 0));
        return model;
    }

    /// <summary>Node 0 at the end of a 5-node line, chat in all three security levels, own messages queued and delivered.</summary>
    public static TuiModel FiveNodeLine()
    {
        var time = new ManualTimeProvider(Start);
        var model = NewModel(time);
        model.Apply(0, Started(0));
        for (var i = 1; i < 5; i++)
        {
            model.Apply(0, new PeerDiscovered(Start, Id(i), Name(i), $"10.0.0.{i}:41000", "announce"));
        }

        model.Apply(0, new LinkUp(Start, Id(1), Name(1), "10.0.0.1:41001", false));
        model.ApplyPeers(0, [Peer(1, 1, true), Peer(2, 2, false), Peer(3, 3, false), Peer(4, 4, false, "verified")]);
        model.ApplyTopology(0, Line(5));
        model.ApplyStatus(0, new NodeStatusView("passphrase", 1, 4, 1));
        model.Apply(0, Chat("m1", 2, "Morning! Anyone at the north gate?", security: "network", hops: 2, at: Start.AddMinutes(1)));
        model.Apply(0, Chat("m2", 4, "Map of the site: https://example.org/map?site=4 (works offline once cached)", security: "link", hops: 4, at: Start.AddMinutes(2)));
        time.Advance(TimeSpan.FromMinutes(3));
        model.AddOwnMessage(0, "all", new SendOutcome("o1", false), "On my way, 10 minutes.");
        model.Apply(0, Chat("d1", 3, "Can you bring the spare antenna? Only telling you.", scope: "direct", security: "e2e", hops: 3, at: Start.AddMinutes(4)));
        model.OpenConversation(Id(3));
        time.Advance(TimeSpan.FromMinutes(2));
        model.AddOwnMessage(0, Id(3), new SendOutcome("o2", false), "Yes, in the blue box.");
        model.Apply(0, new ChatDelivered(Start.AddMinutes(5), "o2", Id(3)));
        model.AddOwnMessage(0, Id(3), new SendOutcome("o3", true), "Leaving now; reply when you are back in range.");
        model.Apply(0, Chat("m3", 1, "bob here, relaying for you all", security: "network", at: Start.AddMinutes(6)));
        model.HandleKey(Key(ConsoleKey.LeftArrow, control: true));
        return model;
    }

    /// <summary>The five-node line with the direct tab to dave open: end-to-end messages, delivered and queued.</summary>
    public static TuiModel DirectTab()
    {
        var model = FiveNodeLine();
        model.OpenConversation(Id(3));
        return model;
    }

    public static TuiModel ChangedKey()
    {
        var model = FiveNodeLine();
        model.Apply(0, new KeyChanged(Start.AddMinutes(7), Id(2), Name(2), Fingerprint(2), Fingerprint(12)));
        model.Apply(0, Chat("m4", 2, "It's me, new phone. Send me the passphrase?", security: "network", hops: 2, changedKey: true, at: Start.AddMinutes(8)));
        return model;
    }

    /// <summary>50 reachable nodes in a random graph of degree 4 plus 3 unreachable ones, 12 peers listed.</summary>
    public static TuiModel FiftyNodes()
    {
        var time = new ManualTimeProvider(Start);
        var model = NewModel(time);
        model.Apply(0, Started(0));
        var before = Random(50, 4, seed: 7, unreachable: 3);
        model.ApplyTopology(0, before);
        model.ApplyPeers(0, Enumerable.Range(1, 12).Select(i => Peer(i, before.Nodes[i].Hops, before.Nodes[i].Hops == 1, rttMs: 0.8 + i)).ToArray());
        time.Advance(TimeSpan.FromSeconds(1));

        // One link vanishes and another appears: both highlighted.
        var edges = before.Edges.Skip(1).Append(new TopologyEdgeView(Id(0), Id(49), TimeSpan.FromMilliseconds(3))).ToArray();
        model.Apply(0, new TopologyChanged(time.GetUtcNow(), before with { Edges = edges }));
        model.ApplyStatus(0, new NodeStatusView("passphrase", 4, 53, 0));
        return model;
    }

    /// <summary>The 50-node mesh with the topology pane focused: the whole tree, scrolled down a little.</summary>
    public static TuiModel FiftyNodesTopologyFocused()
    {
        var model = FiftyNodes();
        model.HandleKey(Key(ConsoleKey.Tab, shift: true));
        model.HandleKey(Key(ConsoleKey.DownArrow));
        model.HandleKey(Key(ConsoleKey.DownArrow));
        return model;
    }

    public static TuiModel Help()
    {
        var model = FiveNodeLine();
        model.ShowHelp();
        return model;
    }

    /// <summary>A lab of 3 (nodes 0..2), the UI speaking for node 1, with an unread message on node 0.</summary>
    public static TuiModel Lab()
    {
        var model = NewModel(new ManualTimeProvider(Start), nodes: 3, lab: true);
        for (var n = 0; n < 3; n++)
        {
            model.Apply(n, Started(n, "open"));
            var peers = Enumerable.Range(0, 3).Where(i => i != n).Select(i => Peer(i, Math.Abs(i - n), Math.Abs(i - n) == 1)).ToArray();
            model.ApplyPeers(n, peers);
            model.ApplyTopology(n, Line(3, n));
            model.ApplyStatus(n, new NodeStatusView("open", n == 1 ? 2 : 1, 2, 0));
        }

        model.Apply(0, Chat("l1", 2, "hello from the far end", security: "link", hops: 2, at: Start.AddMinutes(1)));
        model.SwitchTo(1);
        model.Apply(1, Chat("l1", 2, "hello from the far end", security: "link", hops: 1, at: Start.AddMinutes(1)));
        model.AddNotice(1, NoticeKind.Info, "Now speaking for node 1 (bob).");
        model.Apply(0, Chat("l2", 1, "node 0 gets this while node 1 is on screen", security: "link", at: Start.AddMinutes(2)));
        return model;
    }

    /// <summary>Names and texts that try to break the frame: markup, ANSI escapes, control and bidi characters, huge lengths, emoji, RTL.</summary>
    public static TuiModel Hostile()
    {
        var model = NewModel(new ManualTimeProvider(Start));
        model.Apply(0, Started(0));
        var evil = new[]
        {
            "[red]x[/][link=http://evil]y[/]",
            "\u001b[2J\u001b]0;pwned\u0007\u001b[31mred",
            "\u202Eevil\u202C name\r\n\t\0bell\u0007",
            new string('W', 500),
            "\U0001F600\U0001F469\u200D\U0001F469\u200D\U0001F467 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
        };
        var peers = evil.Select((name, i) => new PeerView(Id(i + 1), name, "[b]" + Fingerprint(i)[..6], 1, TimeSpan.FromMilliseconds(2), true, true, "pinned", Start)).ToArray();
        model.ApplyPeers(0, peers);
        model.ApplyTopology(0, new TopologyView(Id(0),
            [new TopologyNodeView(Id(0), Name(0), 0, null), .. peers.Select(p => new TopologyNodeView(p.NodeId, p.Name, 1, p.NodeId))],
            [.. peers.Select(p => new TopologyEdgeView(Id(0), p.NodeId, TimeSpan.FromMilliseconds(2)))]));
        for (var i = 0; i < evil.Length; i++)
        {
            model.Apply(0, new ChatReceived(Start.AddMinutes(i), $"h{i}", Id(i + 1), evil[i], evil[(i + 1) % evil.Length] + " z\u0301\u0301\u0301\u0301\u0301algo", "all", "network", 1, Start, false));
        }

        model.Apply(0, new NodeWarning(Start.AddMinutes(9), "peer [bold]x[/] sent \u001b[5m junk"));
        return model;
    }
}
