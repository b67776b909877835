using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

public sealed class BroadcastRepairTests
{
    private static readonly NodeKey Origin = TestKeys.Node(1);
    private static readonly MessageId Id = TestKeys.Message(1);

    private readonly ManualTestClock _clock = new();
    private readonly BroadcastRepairSettings _settings = new()
    {
        PullDelay = TimeSpan.FromMilliseconds(100),
        RetryInterval = TimeSpan.FromMilliseconds(300),
        MaxAttempts = 3,
        MaxPending = 2,
        MaxCandidates = 2,
    };

    [Fact]
    public void Pulls_a_missing_message_only_after_the_delay()
    {
        var repair = new BroadcastRepair(_settings, _clock);

        Assert.True(repair.OnDigest(Origin, Id, TestKeys.Node(5)));
        Assert.Empty(repair.TakeDuePulls());
        Assert.Equal(TimeSpan.FromMilliseconds(100), repair.TimeUntilNextPull());

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal([new PullRequest(Origin, Id, TestKeys.Node(5))], repair.TakeDuePulls());
    }

    [Fact]
    public void Waits_the_extra_delay_on_top_of_the_pull_delay()
    {
        var repair = new BroadcastRepair(_settings, _clock);
        Assert.True(repair.OnDigest(Origin, Id, TestKeys.Node(5), TimeSpan.FromMilliseconds(40)));

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Empty(repair.TakeDuePulls());
        _clock.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Single(repair.TakeDuePulls());
    }

    [Fact]
    public void Arrival_cancels_the_pull()
    {
        var repair = new BroadcastRepair(_settings, _clock);
        repair.OnDigest(Origin, Id, TestKeys.Node(5));

        repair.OnReceived(Origin, Id);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(repair.TakeDuePulls());
        Assert.Equal(0, repair.PendingCount);
        Assert.Null(repair.TimeUntilNextPull());
    }

    [Fact]
    public void Asks_the_digest_senders_in_turn_then_gives_up()
    {
        var repair = new BroadcastRepair(_settings, _clock);
        Assert.True(repair.OnDigest(Origin, Id, TestKeys.Node(5)));
        Assert.False(repair.OnDigest(Origin, Id, TestKeys.Node(6)));
        Assert.False(repair.OnDigest(Origin, Id, TestKeys.Node(7)));

        var asked = new List<NodeKey>();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 4; i++)
        {
            asked.AddRange(repair.TakeDuePulls().Select(p => p.Peer));
            _clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        // Two candidates kept (MaxCandidates), three attempts (MaxAttempts), then dropped.
        Assert.Equal([TestKeys.Node(5), TestKeys.Node(6), TestKeys.Node(5)], asked);
        Assert.Equal(0, repair.PendingCount);
        Assert.Equal(1, repair.GaveUp);
    }

    [Fact]
    public void Never_asks_a_link_that_went_down()
    {
        var repair = new BroadcastRepair(_settings, _clock);
        repair.OnDigest(Origin, Id, TestKeys.Node(5));
        repair.OnDigest(Origin, Id, TestKeys.Node(6));

        repair.OnLinkDown(TestKeys.Node(5));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(TestKeys.Node(6), Assert.Single(repair.TakeDuePulls()).Peer);
    }

    [Fact]
    public void Bounds_the_messages_it_tracks_and_counts_what_it_drops()
    {
        var repair = new BroadcastRepair(_settings, _clock);

        Assert.True(repair.OnDigest(Origin, TestKeys.Message(1), TestKeys.Node(5)));
        Assert.True(repair.OnDigest(Origin, TestKeys.Message(2), TestKeys.Node(5)));
        Assert.False(repair.OnDigest(Origin, TestKeys.Message(3), TestKeys.Node(5)));

        Assert.Equal(2, repair.PendingCount);
        Assert.Equal(1, repair.DroppedDigests);
    }
}
