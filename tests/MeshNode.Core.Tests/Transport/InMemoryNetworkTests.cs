using System.Text;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Tests.Transport;

/// <summary>The faults the mesh test kit injects into the in-memory network.</summary>
public sealed class InMemoryNetworkTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = PipeTestExtensions.Patience;
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryNetwork _network;
    private readonly List<IAsyncDisposable> _cleanup = [];

    public InMemoryNetworkTests()
    {
        _network = new InMemoryNetwork(seed: 42, _time, new TransportSettings { ConnectTimeout = TimeSpan.FromSeconds(3) });
    }

    public Task InitializeAsync()
    {
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task Blackhole_swallows_bytes_both_ways_while_connections_stay_up()
    {
        var (a, b) = await PairAsync("a", "b");
        var vanished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = 0;
        _network.Vanished += (_, _, bytes) =>
        {
            if (Interlocked.Add(ref total, bytes) == 10)
            {
                vanished.TrySetResult(total);
            }
        };

        _network.Blackhole("b", "a");
        await a.Pipe.Output.WriteAsync(Encoding.ASCII.GetBytes("lost"));
        await b.Pipe.Output.WriteAsync(Encoding.ASCII.GetBytes("lost 2"));
        await vanished.Task.WaitAsync(Patience);
        _network.Heal();
        await a.Pipe.Output.WriteAsync(Encoding.ASCII.GetBytes("found"));

        Assert.Equal("found", Encoding.ASCII.GetString(await b.Pipe.Input.ReadExactlyAsync(5)));
        Assert.False(a.Closed.IsCompleted);
        Assert.False(b.Closed.IsCompleted);
    }

    [Fact]
    public async Task Blackhole_makes_new_connects_time_out_on_the_network_clock()
    {
        var listener = await ListenAsync("b");
        _network.Blackhole("a", "b");
        var timerArmed = _time.NextTimerCreated();

        var connecting = _network.CreateTransport("a").ConnectAsync(listener.LocalEndpoint).AsTask();
        await timerArmed.WaitAsync(Patience);
        Assert.False(connecting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<TransportException>(() => connecting.WaitAsync(Patience));
        Assert.Equal(TransportErrorReason.TimedOut, error.Reason);
    }

    [Fact]
    public async Task Partition_breaks_cross_group_connections_and_refuses_connects_until_healed()
    {
        var (a, b) = await PairAsync("a", "b");
        var (c, d) = await PairAsync("c", "d");
        var listenerB = await ListenAsync("b");

        _network.Partition(["a", "c", "d"], ["b"]);

        Assert.Equal(TransportErrorReason.Reset, (await a.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(TransportErrorReason.Reset, (await b.Closed.WaitAsync(Patience)).Reason);
        Assert.False(c.Closed.IsCompleted);
        Assert.False(d.Closed.IsCompleted);
        var refused = await Assert.ThrowsAsync<TransportException>(
            () => _network.CreateTransport("a").ConnectAsync(listenerB.LocalEndpoint).AsTask());
        Assert.Equal(TransportErrorReason.Refused, refused.Reason);

        _network.Heal();
        var accepting = listenerB.AcceptAsync().AsTask();
        _cleanup.Add(await _network.CreateTransport("a").ConnectAsync(listenerB.LocalEndpoint));
        _cleanup.Add(await accepting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Hosts_named_in_no_group_stay_together_in_a_partition()
    {
        var (a, b) = await PairAsync("a", "b");

        _network.Partition(["c"]);

        Assert.False(a.Closed.IsCompleted);
        Assert.False(b.Closed.IsCompleted);
        Assert.Equal(1, _network.ConnectionCount);
    }

    [Fact]
    public async Task DropConnections_resets_both_sides_of_only_that_pair()
    {
        var (a, b) = await PairAsync("a", "b");
        var (c, _) = await PairAsync("a", "c");

        var dropped = _network.DropConnections("b", "a");

        Assert.Equal(1, dropped);
        Assert.Equal(TransportErrorReason.Reset, (await a.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(TransportErrorReason.Reset, (await b.Closed.WaitAsync(Patience)).Reason);
        var error = await Assert.ThrowsAsync<TransportException>(() => b.Pipe.Input.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(TransportErrorReason.Reset, error.Reason);
        Assert.False(c.Closed.IsCompleted);
    }

    [Fact]
    public async Task Delay_holds_bytes_until_the_clock_reaches_the_latency()
    {
        var (a, b) = await PairAsync("a", "b");
        _network.Delay("a", "b", TimeSpan.FromMilliseconds(100));
        var timerArmed = _time.NextTimerCreated();

        await a.Pipe.Output.WriteAsync(Encoding.ASCII.GetBytes("late"));
        var reading = b.Pipe.Input.ReadExactlyAsync(4);
        await timerArmed.WaitAsync(Patience);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(reading.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("late", Encoding.ASCII.GetString(await reading.WaitAsync(Patience)));
    }

    [Fact]
    public async Task Certain_loss_breaks_the_connection_at_the_first_block()
    {
        var (a, b) = await PairAsync("a", "b");
        _network.SetLoss("a", "b", 1.0);

        await a.Pipe.Output.WriteAsync(new byte[1024]);

        Assert.Equal(TransportErrorReason.Reset, (await a.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(TransportErrorReason.Reset, (await b.Closed.WaitAsync(Patience)).Reason);
    }

    [Fact]
    public async Task Loss_with_the_same_seed_hits_the_same_block()
    {
        var first = await BlockLostWithSeedAsync(5);
        var second = await BlockLostWithSeedAsync(5);
        var other = await BlockLostWithSeedAsync(6);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Crash_resets_peers_removes_listeners_and_restart_brings_the_node_back()
    {
        var (a, b) = await PairAsync("a", "b");
        var listenerB = await ListenAsync("b");
        var pendingAccept = listenerB.AcceptAsync().AsTask();

        _network.Crash("b");

        Assert.Equal(TransportErrorReason.Reset, (await a.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(TransportErrorReason.Aborted, (await b.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(TransportErrorReason.Closed, (await Assert.ThrowsAsync<TransportException>(() => pendingAccept.WaitAsync(Patience))).Reason);
        var refused = await Assert.ThrowsAsync<TransportException>(
            () => _network.CreateTransport("a").ConnectAsync(listenerB.LocalEndpoint).AsTask());
        Assert.Equal(TransportErrorReason.Refused, refused.Reason);
        var dead = await Assert.ThrowsAsync<TransportException>(
            () => _network.CreateTransport("b").ListenAsync(new TransportEndpoint("b", 0)).AsTask());
        Assert.Equal(TransportErrorReason.Closed, dead.Reason);

        _network.Restart("b");
        var (again, _) = await PairAsync("a", "b");
        Assert.False(again.Closed.IsCompleted);
    }

    [Fact]
    public async Task Healing_one_pair_leaves_the_other_faults_in_place()
    {
        _network.Blackhole("a", "b");
        _network.Blackhole("a", "c");
        _network.Delay("a", "b", TimeSpan.FromSeconds(1));

        _network.Heal("b", "a");

        Assert.False(_network.IsBlackholed("a", "b"));
        Assert.Equal(TimeSpan.Zero, _network.LatencyOf("a", "b"));
        Assert.True(_network.IsBlackholed("c", "a"));
        var (a, b) = await PairAsync("a", "b");
        await a.Pipe.Output.WriteAsync(new byte[] { 42 });
        Assert.Equal(new byte[] { 42 }, await b.Pipe.Input.ReadExactlyAsync(1));
    }

    [Fact]
    public void Lists_its_hosts()
    {
        _network.CreateTransport("a");
        _network.CreateTransport("b");
        _network.CreateTransport("a");

        Assert.Equal(["a", "b"], _network.Hosts.Order());
    }

    [Fact]
    public async Task Connect_to_an_unknown_host_is_unreachable()
    {
        var error = await Assert.ThrowsAsync<TransportException>(
            () => _network.CreateTransport("a").ConnectAsync(new TransportEndpoint("nobody", 1)).AsTask());

        Assert.Equal(TransportErrorReason.Unreachable, error.Reason);
    }

    [Fact]
    public async Task A_node_cannot_listen_on_another_nodes_host()
    {
        var error = await Assert.ThrowsAsync<TransportException>(
            () => _network.CreateTransport("a").ListenAsync(new TransportEndpoint("b", 0)).AsTask());

        Assert.Equal(TransportErrorReason.Unreachable, error.Reason);
    }

    private static async Task<long> BlockLostWithSeedAsync(int seed)
    {
        var network = new InMemoryNetwork(seed);
        var lost = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        network.Lost += (_, _, block) => lost.TrySetResult(block);
        network.SetLoss("a", "b", 0.05);
        await using var listener = await network.CreateTransport("b").ListenAsync(new TransportEndpoint("b", 0));
        var accepting = listener.AcceptAsync().AsTask();
        await using var client = await network.CreateTransport("a").ConnectAsync(listener.LocalEndpoint);
        await using var server = await accepting;
        var reading = server.Pipe.Input.ReadToEndAsync();
        for (var i = 0; i < 1000 && !lost.Task.IsCompleted; i++)
        {
            try
            {
                await client.Pipe.Output.WriteAsync(new byte[700]);
            }
            catch (TransportException)
            {
                // The loss already broke the connection.
                break;
            }
        }

        await Assert.ThrowsAsync<TransportException>(() => reading);
        return await lost.Task.WaitAsync(Patience);
    }

    private async Task<ITransportListener> ListenAsync(string host)
    {
        var listener = await _network.CreateTransport(host).ListenAsync(new TransportEndpoint(host, 0));
        _cleanup.Add(listener);
        return listener;
    }

    private async Task<(ITransportConnection Client, ITransportConnection Server)> PairAsync(string client, string server)
    {
        await using var listener = await _network.CreateTransport(server).ListenAsync(new TransportEndpoint(server, 0));
        var accepting = listener.AcceptAsync().AsTask();
        var a = await _network.CreateTransport(client).ConnectAsync(listener.LocalEndpoint);
        var b = await accepting.WaitAsync(Patience);
        _cleanup.Add(a);
        _cleanup.Add(b);
        return (a, b);
    }
}
