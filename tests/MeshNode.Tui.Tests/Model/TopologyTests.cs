using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Model;

public sealed class TopologyTests
{
    private readonly ManualTimeProvider _time = new(Start);

    [Fact]
    public void The_tree_puts_every_node_under_a_parent_one_hop_closer()
    {
        // Ring of 5: 0-1-2-3-4-0; 2 and 3 are two hops away, under 1 and 4.
        var edges = new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 0) };
        var view = new TopologyView(Id(0),
            Enumerable.Range(0, 5).Select(i => new TopologyNodeView(Id(i), Name(i), null, null)).ToArray(),
            edges.Select(e => new TopologyEdgeView(Id(e.Item1), Id(e.Item2), TimeSpan.FromMilliseconds(2))).ToArray());

        var rows = TopologyTree.Build(view, [], "alice");

        Assert.Equal(
            ["alice", "bob", "carol", "erin", "dave"],
            rows.Select(r => r.Name));
        Assert.Equal(["", "\u251c\u2500 ", "\u2502  \u2514\u2500 ", "\u2514\u2500 ", "   \u2514\u2500 "], rows.Select(r => r.Prefix));
        Assert.Equal(TimeSpan.FromMilliseconds(2), rows[1].Rtt);
    }

    [Fact]
    public void Known_nodes_without_a_path_are_listed_as_unreachable()
    {
        var view = new TopologyView(Id(0),
            [new(Id(0), "alice", 0, null), new(Id(1), "bob", 1, Id(1)), new(Id(2), "carol", null, null)],
            [new(Id(0), Id(1), TimeSpan.FromMilliseconds(1))]);

        var rows = TopologyTree.Build(view, [], "alice");

        Assert.Equal(
            [TopologyRowKind.Self, TopologyRowKind.Node, TopologyRowKind.UnreachableHeader, TopologyRowKind.Unreachable],
            rows.Select(r => r.Kind));
        Assert.Equal("carol", rows[^1].Name);
    }

    [Fact]
    public void Wide_sibling_runs_collapse_into_a_more_row()
    {
        var n = 20;
        var view = new TopologyView(Id(0),
            Enumerable.Range(0, n).Select(i => new TopologyNodeView(Id(i), Name(i), i == 0 ? 0 : 1, null)).ToArray(),
            Enumerable.Range(1, n - 1).Select(i => new TopologyEdgeView(Id(0), Id(i), TimeSpan.FromMilliseconds(1))).ToArray());

        var rows = TopologyTree.Build(view, [], "alice");

        Assert.Equal(1 + TopologyTree.MaxChildren, rows.Count);
        Assert.Equal(TopologyRowKind.More, rows[^1].Kind);
        Assert.Equal(n - TopologyTree.MaxChildren, rows[^1].Count);
    }

    [Fact]
    public void Deep_subtrees_fold_into_their_roots_row()
    {
        var rows = TopologyTree.Build(Line(12), [], "alice", maxDepth: 3);

        Assert.Equal(4, rows.Count);
        Assert.Equal(("dave", 8), (rows[^1].Name, rows[^1].Count));
    }

    [Fact]
    public void The_overview_fits_fifty_nodes_into_a_short_pane()
    {
        var state = new TopologyState();
        state.Apply(Random(50, 4, seed: 7, unreachable: 5), Start, TimeSpan.FromSeconds(3), "alice");

        Assert.True(state.Rows.Count > 50);
        foreach (var height in new[] { 6, 10, 20 })
        {
            var rows = state.RowsFitting(height);
            Assert.True(rows.Count <= height, $"{rows.Count} rows for a pane of {height}");
            var shown = rows.Count(r => r.Kind is TopologyRowKind.Node or TopologyRowKind.Unreachable)
                + rows.Sum(r => r.Count) - rows.Where(r => r.Kind == TopologyRowKind.UnreachableHeader).Sum(r => r.Count);
            Assert.Equal(54, shown);
        }
    }

    [Fact]
    public void Links_that_appear_or_vanish_are_highlighted_until_the_highlight_time_passes()
    {
        var model = NewModel(_time);
        model.Apply(0, new TopologyChanged(Start, Line(3)));
        Assert.Null(model.NextExpiry);

        _time.Advance(TimeSpan.FromSeconds(1));
        var ring = Line(3) with { Edges = [new(Id(0), Id(2), TimeSpan.FromMilliseconds(4)), .. Line(3).Edges.Skip(1)] };
        model.Apply(0, new TopologyChanged(_time.GetUtcNow(), ring));

        var rows = model.CurrentNode.Topology.Rows;
        Assert.Contains(rows, r => r is { Kind: TopologyRowKind.Node, Name: "carol", Appeared: true });
        Assert.Contains(rows, r => r is { Kind: TopologyRowKind.Change, Vanished: true, Name: "alice \u2500 bob" });
        Assert.Contains(rows, r => r is { Kind: TopologyRowKind.Change, Appeared: true, Name: "alice \u2500 carol" });
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(3), model.NextExpiry);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(model.Tick());
        var version = model.Version;

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(model.Tick());
        Assert.True(model.Version > version);
        Assert.Null(model.NextExpiry);
        Assert.DoesNotContain(model.CurrentNode.Topology.Rows, r => r.Appeared || r.Vanished || r.Kind == TopologyRowKind.Change);
    }

    [Fact]
    public void NextExpiry_is_the_earliest_highlight_over_all_nodes()
    {
        var model = NewModel(_time, nodes: 2, lab: true);
        model.ApplyTopology(0, Line(2));
        model.ApplyTopology(1, Line(2, 1));
        _time.Advance(TimeSpan.FromSeconds(1));
        model.ApplyTopology(1, Line(3, 1));
        _time.Advance(TimeSpan.FromSeconds(1));
        model.ApplyTopology(0, Line(3));

        Assert.Equal(Start + TimeSpan.FromSeconds(4), model.NextExpiry);
    }

    [Fact]
    public void Hostile_names_in_the_graph_are_cleaned()
    {
        var view = new TopologyView(Id(0),
            [new(Id(0), "alice", 0, null), new(Id(1), "\u001b[31m[red]bob\u202e", 1, Id(1))],
            [new(Id(0), Id(1), TimeSpan.FromMilliseconds(1))]);

        var rows = TopologyTree.Build(view, [], "alice");

        Assert.Equal("[red]bob", rows[1].Name);
    }
}
