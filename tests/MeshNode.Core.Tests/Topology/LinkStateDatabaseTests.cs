using MeshNode.Core.Routing;
using MeshNode.Core.Tests.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Topology;

public sealed class LinkStateDatabaseTests
{
    private static readonly NodeKey Self = TestKeys.Node(1);

    private readonly ManualTestClock _clock = new();
    private readonly TopologySettings _settings = new()
    {
        MaxAge = TimeSpan.FromSeconds(60),
        UnreachableRetention = TimeSpan.FromSeconds(10),
        MaxNodes = 8,
        MaxNeighboursPerRecord = 4,
    };

    [Fact]
    public void Accepts_a_newer_sequence_and_says_why_it_ignores_others()
    {
        var db = NewDatabase();

        Assert.Equal(LinkStateOutcome.Accepted, db.Apply(Record(2, 5, (1, 1000))).Outcome);
        Assert.Equal(LinkStateOutcome.Duplicate, db.Apply(Record(2, 5, (1, 1000))).Outcome);
        Assert.Equal(LinkStateOutcome.Outdated, db.Apply(Record(2, 4, (1, 1000), (3, 1000))).Outcome);
        Assert.Equal(LinkStateOutcome.Accepted, db.Apply(Record(2, 6, (1, 1000), (3, 1000))).Outcome);

        Assert.True(db.TryGetRecord(TestKeys.Node(2), out var held));
        Assert.Equal(6UL, held!.Sequence);
    }

    [Fact]
    public void Uses_a_link_only_when_both_ends_report_it()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 1000)]);

        var oneWay = db.Apply(Record(3, 1, (2, 1000)));
        Assert.False(oneWay.Graph.HasEdge(TestKeys.Node(2), TestKeys.Node(3)));
        Assert.False(oneWay.Graph.IsReachable(TestKeys.Node(2)));

        db.Apply(Record(2, 1, (1, 1000)));
        var graph = db.Graph;
        Assert.True(graph.HasEdge(Self, TestKeys.Node(2)));
        Assert.False(graph.HasEdge(TestKeys.Node(2), TestKeys.Node(3)));
        Assert.True(graph.IsReachable(TestKeys.Node(2)));
        Assert.False(graph.IsReachable(TestKeys.Node(3)));
    }

    [Fact]
    public void Takes_the_larger_of_the_two_reported_rtts()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 900)]);
        db.Apply(Record(2, 1, (1, 1500)));

        var edge = Assert.Single(db.Graph.Edges);
        Assert.Equal(new TopologyEdge(Self, TestKeys.Node(2), 1500), edge);
    }

    [Fact]
    public void Raises_a_change_only_when_the_graph_differs()
    {
        var db = NewDatabase();
        var raised = new List<TopologyGraph>();
        db.GraphChanged += (_, graph) => raised.Add(graph);

        // Our one-way claim alone adds no edge and so no change.
        Assert.False(db.IssueOwn([Neighbour(2, 1000)]).GraphChanged);
        Assert.True(db.Apply(Record(2, 1, (1, 1000))).GraphChanged);
        var before = db.Graph;

        // A refresh with the same links: new sequence, same graph.
        var refresh = db.Apply(Record(2, 2, (1, 1000)));
        Assert.Equal(LinkStateOutcome.Accepted, refresh.Outcome);
        Assert.False(refresh.GraphChanged);
        Assert.Same(before, db.Graph);
        Assert.False(db.IssueOwn([Neighbour(2, 1000)]).GraphChanged);

        // An RTT change is a change.
        Assert.True(db.Apply(Record(2, 3, (1, 2000))).GraphChanged);
        Assert.Equal(2, raised.Count);
        Assert.True(raised[^1].Version > before.Version);
    }

    [Fact]
    public void Ages_out_a_record_not_refreshed_within_the_max_age()
    {
        var db = Converged();
        _clock.Advance(TimeSpan.FromSeconds(30));
        db.Apply(Record(2, 2, (1, 1000), (3, 1000)));
        db.IssueOwn([Neighbour(2, 1000)]);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(db.Expire());

        Assert.False(db.TryGetRecord(TestKeys.Node(3), out _));
        Assert.True(db.TryGetRecord(TestKeys.Node(2), out _));
        Assert.False(db.Graph.Contains(TestKeys.Node(3)));
        // A copy of the aged-out record still circulating is not taken back.
        Assert.Equal(LinkStateOutcome.Outdated, db.Apply(Record(3, 1, (2, 1000))).Outcome);
        Assert.Equal(LinkStateOutcome.Accepted, db.Apply(Record(3, 2, (2, 1000))).Outcome);
    }

    [Fact]
    public void Never_ages_out_its_own_record()
    {
        var db = Converged();

        _clock.Advance(TimeSpan.FromMinutes(10));
        db.Expire();

        Assert.True(db.TryGetRecord(Self, out _));
    }

    [Fact]
    public void Drops_nodes_unreachable_for_longer_than_the_retention()
    {
        var db = Converged();

        // 2 loses its link to 3: 3 is cut off from us.
        db.Apply(Record(2, 2, (1, 1000)));
        Assert.False(db.Graph.IsReachable(TestKeys.Node(3)));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(db.Expire());
        Assert.True(db.Graph.Contains(TestKeys.Node(3)));

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(db.Expire());
        Assert.False(db.Graph.Contains(TestKeys.Node(3)));
        // No tombstone: when the path heals, the same record is welcome again.
        db.Apply(Record(2, 3, (1, 1000), (3, 1000)));
        Assert.Equal(LinkStateOutcome.Accepted, db.Apply(Record(3, 1, (2, 1000))).Outcome);
        Assert.True(db.Graph.IsReachable(TestKeys.Node(3)));
    }

    [Fact]
    public void Keeps_a_record_that_arrives_before_the_one_linking_it()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 1000)]);
        db.Apply(Record(3, 1, (2, 1000)));
        _clock.Advance(TimeSpan.FromSeconds(5));
        db.Expire();

        db.Apply(Record(2, 1, (1, 1000), (3, 1000)));

        Assert.True(db.Graph.IsReachable(TestKeys.Node(3)));
        Assert.Equal(2, db.Graph.Paths.HopCount(TestKeys.Node(3)));
    }

    [Fact]
    public void Jumps_past_an_earlier_run_of_itself_and_reissues()
    {
        var db = new LinkStateDatabase(Self, _settings, _clock, initialSequence: 10);
        db.IssueOwn([Neighbour(2, 1000)]);

        var echo = db.Apply(Record(1, 11, (2, 1000)));
        Assert.Equal(LinkStateOutcome.Duplicate, echo.Outcome);

        var update = db.Apply(Record(1, 500, (7, 1000)));
        Assert.Equal(LinkStateOutcome.OwnRecordSuperseded, update.Outcome);
        Assert.NotNull(update.OwnRecord);
        Assert.Equal(501UL, update.OwnRecord.Sequence);
        Assert.Equal([Neighbour(2, 1000)], update.OwnRecord.Neighbours);
        Assert.Equal(LinkStateOutcome.Outdated, db.Apply(Record(1, 400)).Outcome);
    }

    [Fact]
    public void Issues_records_with_increasing_sequences_and_the_clock_time()
    {
        var db = new LinkStateDatabase(Self, _settings, _clock, initialSequence: 41);

        var first = db.IssueOwn([Neighbour(2, 1000)]).OwnRecord!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = db.IssueOwn([]).OwnRecord!;

        Assert.Equal(42UL, first.Sequence);
        Assert.Equal(43UL, second.Sequence);
        Assert.Equal(_clock.GetUtcNow(), second.IssuedAt);
    }

    [Fact]
    public void Starts_its_sequence_from_the_clock_so_a_restart_is_newer()
    {
        var before = new LinkStateDatabase(Self, _settings, _clock).IssueOwn([]).OwnRecord!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = new LinkStateDatabase(Self, _settings, _clock).IssueOwn([]).OwnRecord!;

        Assert.True(after.Sequence > before.Sequence);
    }

    [Fact]
    public void Refuses_records_beyond_its_bounds()
    {
        var db = NewDatabase();

        Assert.Equal(LinkStateOutcome.TooManyNeighbours, db.Apply(Record(2, 1, (3, 1), (4, 1), (5, 1), (6, 1), (7, 1))).Outcome);
        for (var i = 2; i <= 9; i++)
        {
            Assert.Equal(LinkStateOutcome.Accepted, db.Apply(Record(i, 1)).Outcome);
        }

        Assert.Equal(LinkStateOutcome.TooManyNodes, db.Apply(Record(10, 1)).Outcome);
        Assert.Throws<ArgumentException>(() => db.IssueOwn([Neighbour(2, 1), Neighbour(3, 1), Neighbour(4, 1), Neighbour(5, 1), Neighbour(6, 1)]));
    }

    [Fact]
    public void Applies_a_whole_database_at_once_with_one_change()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 1000)]);
        var raised = 0;
        db.GraphChanged += (_, _) => raised++;

        var update = db.ApplyAll([Record(2, 1, (1, 1000), (3, 1000)), Record(3, 1, (2, 1000)), Record(3, 1, (2, 1000)), Record(1, 0)]);

        Assert.Equal([LinkStateOutcome.Accepted, LinkStateOutcome.Accepted, LinkStateOutcome.Duplicate, LinkStateOutcome.Outdated], update.Outcomes);
        Assert.True(update.GraphChanged);
        Assert.Equal(1, raised);
        Assert.Equal(2, update.Graph.Paths.HopCount(TestKeys.Node(3)));
        Assert.Null(update.OwnRecord);
    }

    [Fact]
    public void A_batch_with_an_earlier_run_of_itself_reissues_once()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 1000)]);

        var update = db.ApplyAll([Record(1, 90), Record(2, 1, (1, 1000))]);

        Assert.Equal(LinkStateOutcome.OwnRecordSuperseded, update.Outcomes[0]);
        Assert.Equal(91UL, update.OwnRecord!.Sequence);
        Assert.True(update.Graph.IsReachable(TestKeys.Node(2)));
    }

    [Fact]
    public void Hands_out_every_record_for_a_new_neighbour()
    {
        var db = Converged();

        Assert.Equal([1, 2, 3], db.Records.Select(r => (int)r.Origin.Low).Order());
    }

    private LinkStateDatabase NewDatabase() => new(Self, _settings, _clock, initialSequence: 0);

    /// <summary>A line 1 - 2 - 3 as seen from 1.</summary>
    private LinkStateDatabase Converged()
    {
        var db = NewDatabase();
        db.IssueOwn([Neighbour(2, 1000)]);
        db.Apply(Record(2, 1, (1, 1000), (3, 1000)));
        db.Apply(Record(3, 1, (2, 1000)));
        Assert.Equal(3, db.Graph.Reachable.Count);
        return db;
    }

    private static LinkStateNeighbour Neighbour(int node, long rtt) => new(TestKeys.Node(node), rtt);

    private LinkStateRecord Record(int origin, ulong sequence, params (int Node, long Rtt)[] neighbours) =>
        new(TestKeys.Node(origin), sequence, _clock.GetUtcNow(), neighbours.Select(n => Neighbour(n.Node, n.Rtt)).ToArray());
}
