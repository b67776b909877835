using MeshNode.Core.Node;
using MeshNode.Tui.App;

namespace MeshNode.Tui.Tests.App;

public sealed class NoticeTextTests
{
    [Fact]
    public void Peers_lists_linked_first_then_by_hops_and_says_when_none_are_known()
    {
        PeerView[] peers =
        [
            new("cccccccccccccccc", "carol", "CCCC", 2, null, true, false, "pinned", null),
            new("dddddddddddddddd", "dave", "DDDD", null, null, false, false, "CHANGED", null),
            new("bbbbbbbbbbbbbbbb", "bob", "BBBB", 1, TimeSpan.FromMilliseconds(12.4), true, true, "verified", null),
        ];

        var lines = NoticeText.Peers(peers).Split('\n');

        Assert.Equal("3 peer(s), 1 linked:", lines[0]);
        Assert.Equal("  bob (bbbbbbbb, BBBB): online, 1 hop, rtt 12 ms, verified", lines[1]);
        Assert.Equal("  carol (cccccccc, CCCC): online, 2 hops, pinned", lines[2]);
        Assert.Equal("  dave (dddddddd, DDDD): away, unreachable, CHANGED", lines[3]);
        Assert.Equal("no peers known yet", NoticeText.Peers([]));
    }

    [Fact]
    public void Topology_names_the_next_hop_of_far_nodes_and_lists_links()
    {
        var topology = new TopologyView(
            "aaaa",
            [new("aaaa", "alice", 0, null), new("bbbb", "bob", 1, "bbbb"), new("cccc", "carol", 2, "bbbb"), new("eeee", "eve", null, null)],
            [new("aaaa", "bbbb", TimeSpan.FromMilliseconds(1.5)), new("bbbb", "cccc", TimeSpan.FromMilliseconds(20))]);

        var text = NoticeText.Topology(topology);

        Assert.Equal(
            """
            topology: 4 node(s), 2 link(s)
              alice: this node
              bob: 1 hop
              carol: 2 hops via bob
              eve: unreachable
              alice - bob: 1.5 ms
              bob - carol: 20 ms
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Long_names_are_clipped()
    {
        var name = new string('n', 300);

        Assert.Equal(24, NoticeText.Clip(name).Length);
        Assert.EndsWith("…", NoticeText.Clip(name), StringComparison.Ordinal);
        Assert.Equal("short", NoticeText.Clip("short"));
    }
}
