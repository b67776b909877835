using MeshNode.Core.Node;
using MeshNode.Tui.App;
using MeshNode.Tui.Tests.Terminal;

namespace MeshNode.Tui.Tests.App;

public sealed class TuiAppTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_typed_line_reaches_SendToAllAsync_of_the_node()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal);

        terminal.TypeLine("hello mesh");

        Assert.Equal("all:hello mesh", await node.WaitForCallAsync(c => c.StartsWith("all:", StringComparison.Ordinal), Timeout, "to send to everyone"));
        await terminal.WaitForFrameAsync(f => f.Contains("hello mesh", StringComparison.Ordinal), Timeout, "the sent message");
    }

    [Fact]
    public async Task Msg_opens_the_direct_tab_and_later_lines_go_to_SendDirectAsync_with_the_peer_id()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        node.Peers.Add(Peer("b2b2b2b2b2b2b2b2", "bob"));
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal);

        terminal.TypeLine("/msg bob first");
        await node.WaitForCallAsync(c => c == "direct:bob:first", Timeout, "/msg bob first");
        await node.WaitForCallAsync(c => c == "history:b2b2b2b2b2b2b2b2", Timeout, "bob's history when the tab opened");
        terminal.TypeLine("second");

        await node.WaitForCallAsync(c => c == "direct:b2b2b2b2b2b2b2b2:second", Timeout, "the line typed in bob's tab");
        Assert.DoesNotContain(node.Calls, c => c.StartsWith("all:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task As_switches_the_node_the_ui_speaks_for_in_a_lab()
    {
        FakeMeshNode[] nodes = [new("node-0", "0000000000000000"), new("node-1", "1111111111111111"), new("node-2", "2222222222222222")];
        var terminal = new FakeTerminal();
        await using var ui = Run(nodes, terminal, lab: true);

        terminal.TypeLine("/as 2");
        await terminal.WaitForFrameAsync(f => f.Contains("now speaking as node 2", StringComparison.Ordinal), Timeout, "the /as notice");
        terminal.TypeLine("from two");

        await nodes[2].WaitForCallAsync(c => c == "all:from two", Timeout, "to send as node 2");
        Assert.DoesNotContain(nodes[0].Calls, c => c.StartsWith("all:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task As_is_refused_outside_a_lab_and_beyond_the_last_node()
    {
        var single = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        var terminal = new FakeTerminal();
        await using (Run([single], terminal))
        {
            terminal.TypeLine("/as 1");
            await terminal.WaitForFrameAsync(f => f.Contains("only in meshnode lab", StringComparison.Ordinal), Timeout, "the refusal of /as outside a lab");
        }

        FakeMeshNode[] nodes = [new("node-0", "0000000000000000"), new("node-1", "1111111111111111")];
        var labTerminal = new FakeTerminal();
        await using var lab = Run(nodes, labTerminal, lab: true);
        labTerminal.TypeLine("/as 5");
        await labTerminal.WaitForFrameAsync(f => f.Contains("no node 5", StringComparison.Ordinal), Timeout, "the refusal of /as 5");
        labTerminal.TypeLine("still zero");
        await nodes[0].WaitForCallAsync(c => c == "all:still zero", Timeout, "to send as node 0");
    }

    [Fact]
    public async Task A_failing_command_shows_a_notice_and_the_loop_goes_on()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1") { Fail = new NodeCommandException("No known peer is called or has the id 'mallory'.") };
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal);

        terminal.TypeLine("/trust mallory 1234");
        await terminal.WaitForFrameAsync(f => f.Contains("No known peer", StringComparison.Ordinal), Timeout, "the failure notice");
        terminal.TypeLine("/bogus");
        await terminal.WaitForFrameAsync(f => f.Contains("unknown command", StringComparison.Ordinal), Timeout, "the unknown command notice");
        terminal.TypeLine("/connect nowhere");
        await terminal.WaitForFrameAsync(f => f.Contains("nowhere", StringComparison.Ordinal) && !ui.Exit.IsCompleted, Timeout, "the bad endpoint notice");
        node.Fail = null;
        terminal.TypeLine("after");

        await node.WaitForCallAsync(c => c == "all:after", Timeout, "the line after the failures");
        Assert.False(ui.Exit.IsCompleted);
    }

    [Fact]
    public async Task A_command_that_fails_unexpectedly_is_reported_and_later_commands_still_run()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1") { Fail = new InvalidOperationException("node bug") };
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal);

        terminal.TypeLine("/trust bob 1234");
        await terminal.WaitForFrameAsync(f => f.Contains("InvalidOperationException", StringComparison.Ordinal), Timeout, "the unexpected failure");
        node.Fail = null;
        terminal.TypeLine("/trust bob 5678");

        await node.WaitForCallAsync(c => c == "trust:bob:5678", Timeout, "the next command");
    }

    [Fact]
    public async Task Many_events_are_drawn_in_few_frames_at_most_one_per_refresh_interval()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        for (var i = 0; i < 300; i++)
        {
            node.Publish(new ChatReceived(At, $"id{i}", "b2b2b2b2b2b2b2b2", "bob", $"message {i}", "all", "link", 1, At, false));
        }

        var clock = new ManualClock();
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal, clock: clock);
        var advances = await AdvanceUntilAsync(clock, terminal, f => f.Contains("message 299", StringComparison.Ordinal));

        // Frames are paced by the clock, not by the events: the first, then one per interval at most.
        Assert.True(terminal.FrameCount <= advances + 1, $"{terminal.FrameCount} frames in {advances} intervals");
        Assert.True(terminal.FrameCount < 30, $"{terminal.FrameCount} frames for 300 events");
    }

    [Fact]
    public async Task Nothing_is_drawn_and_no_timer_runs_when_nothing_happens()
    {
        var node = new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1");
        node.Peers.Add(Peer("b2b2b2b2b2b2b2b2", "bob"));
        var clock = new ManualClock();
        var terminal = new FakeTerminal();
        await using var ui = Run([node], terminal, clock: clock);
        await node.WaitForCallAsync(c => c == "topology", Timeout, "the first fetch");
        await node.WaitForCallAsync(c => c == "history:all", Timeout, "the history");

        // Two keys, each drawn after the fetch and history results were applied, settle the screen.
        foreach (var (key, c) in new[] { (ConsoleKey.X, 'x'), (ConsoleKey.Y, 'y') })
        {
            terminal.Press(key, c);
            await AdvanceUntilAsync(clock, terminal, f => f.Contains("> " + "xy"[..(c - 'x' + 1)], StringComparison.Ordinal));
        }

        Assert.Contains("bob", terminal.LastFrame, StringComparison.Ordinal);
        var frames = terminal.FrameCount;
        var timers = clock.TimersCreated;
        clock.Advance(TimeSpan.FromMinutes(10));
        terminal.Press(ConsoleKey.Z, 'z');

        // The key is the first thing that happened since: exactly one frame, and no timer was needed.
        await terminal.WaitForFrameAsync(f => f.Contains("> xyz", StringComparison.Ordinal), Timeout, "the typed key");
        Assert.Equal(frames + 1, terminal.FrameCount);
        Assert.Equal(timers, clock.TimersCreated);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task Quit_ends_RunAsync_and_restores_the_terminal()
    {
        var terminal = new FakeTerminal();
        var ui = Run([new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1")], terminal);
        await terminal.WaitForFrameAsync(_ => true, Timeout, "the first frame");

        terminal.TypeLine("/quit");

        await ui.Exit.WaitAsync(Timeout);
        Assert.Equal(1, terminal.Left);
        Assert.False(terminal.FullScreen);
    }

    [Fact]
    public async Task Ctrl_C_ends_RunAsync()
    {
        var terminal = new FakeTerminal();
        var ui = Run([new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1")], terminal);
        await terminal.WaitForFrameAsync(_ => true, Timeout, "the first frame");

        terminal.Press(ConsoleKey.C, '\u0003', control: true);

        await ui.Exit.WaitAsync(Timeout);
        Assert.False(terminal.FullScreen);
    }

    [Fact]
    public async Task Cancellation_ends_RunAsync_without_an_exception()
    {
        var terminal = new FakeTerminal();
        var ui = Run([new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1")], terminal);
        await terminal.WaitForFrameAsync(_ => true, Timeout, "the first frame");

        await ui.DisposeAsync();

        await ui.Exit.WaitAsync(Timeout);
        Assert.False(terminal.FullScreen);
    }

    [Fact]
    public async Task The_terminal_is_restored_when_the_loop_fails()
    {
        var terminal = new FakeTerminal { FailWrites = new IOException("terminal gone") };
        var ui = Run([new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1")], terminal);

        var failure = await Assert.ThrowsAsync<IOException>(() => ui.Exit.WaitAsync(Timeout));

        Assert.Equal("terminal gone", failure.Message);
        Assert.Equal(1, terminal.Entered);
        Assert.Equal(1, terminal.Left);
    }

    [Fact]
    public async Task A_resize_draws_a_frame_of_the_new_size()
    {
        var terminal = new FakeTerminal(100, 30);
        await using var ui = Run([new FakeMeshNode("alice", "a1a1a1a1a1a1a1a1")], terminal);
        await terminal.WaitForFrameAsync(_ => true, Timeout, "the first frame");

        terminal.Resize(80, 24);

        var frame = await terminal.WaitForFrameAsync(f => f.TrimEnd('\n').Split('\n').Length == 24, Timeout, "a 24-row frame");
        Assert.All(frame.TrimEnd('\n').Split('\n'), row => Assert.True(row.Length <= 80, $"row wider than 80: {row}"));
    }

    /// <summary>Advances the clock by one refresh interval whenever the loop armed a timer, until a frame matches; returns the number of advances.</summary>
    private static async Task<int> AdvanceUntilAsync(ManualClock clock, FakeTerminal terminal, Func<string, bool> predicate)
    {
        var advances = 0;
        while (true)
        {
            var frame = terminal.NextFrameAsync();
            if (predicate(terminal.LastFrame))
            {
                return advances;
            }

            Assert.True(advances < 1000, "the frame never came");
            try
            {
                await Task.WhenAny(frame, clock.WhenArmedAsync()).WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("no frame and no timer; last frame:\n" + terminal.LastFrame);
            }

            if (clock.ActiveTimers > 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                advances++;
            }
        }
    }

    private static PeerView Peer(string id, string name) =>
        new(id, name, "B2B2-B2B2", 1, TimeSpan.FromMilliseconds(2), Online: true, Linked: true, Trust: "pinned", At);

    private static RunningUi Run(IReadOnlyList<IMeshNode> nodes, FakeTerminal terminal, bool lab = false, TimeProvider? clock = null) =>
        new(nodes, new TuiOptions { Terminal = terminal, Lab = lab, Time = clock ?? TimeProvider.System, RefreshInterval = TimeSpan.FromMilliseconds(clock is null ? 1 : 100), TimeZone = TimeZoneInfo.Utc });

    /// <summary>RunAsync on the thread pool, cancelled when the test ends.</summary>
    private sealed class RunningUi : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public RunningUi(IReadOnlyList<IMeshNode> nodes, TuiOptions options)
        {
            Exit = Task.Run(() => TuiApp.RunAsync(nodes, options, _stop.Token));
        }

        public Task Exit { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await Exit.WaitAsync(Timeout);
            }
            catch (IOException)
            {
                // The failing-terminal test checks that one itself.
            }

            _stop.Dispose();
        }
    }
}
