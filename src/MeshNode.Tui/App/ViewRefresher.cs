using MeshNode.Core.Node;

namespace MeshNode.Tui.App;

/// <summary>
/// Fetches each node's peers, status and topology when events say they changed: off the loop, at
/// most one fetch in flight per node and at most one started per interval, with requests that
/// arrive meanwhile folded into one follow-up fetch. Its methods are called on the UI loop only.
/// </summary>
internal sealed class ViewRefresher : IDisposable
{
    private readonly IReadOnlyList<IMeshNode> _nodes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Func<LoopMessage, Task> _post;
    private readonly CancellationToken _stop;
    private readonly NodeState[] _states;

    /// <summary>Creates the refresher.</summary>
    /// <param name="nodes">The nodes.</param>
    /// <param name="time">The clock for the throttle.</param>
    /// <param name="interval">Least time between two fetch starts for one node.</param>
    /// <param name="post">Posts results to the loop.</param>
    /// <param name="stop">Fires when the UI leaves.</param>
    public ViewRefresher(IReadOnlyList<IMeshNode> nodes, TimeProvider time, TimeSpan interval, Func<LoopMessage, Task> post, CancellationToken stop)
    {
        _nodes = nodes;
        _time = time;
        _interval = interval;
        _post = post;
        _stop = stop;
        _states = nodes.Select(_ => new NodeState()).ToArray();
    }

    /// <summary>Asks for a fresh fetch of a node's views: now, after the throttle, or after the fetch in flight.</summary>
    /// <param name="node">The node index.</param>
    public void Request(int node)
    {
        var state = _states[node];
        if (state.InFlight)
        {
            state.Pending = true;
            return;
        }

        if (state.Timer is not null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var wait = state.LastStart is { } last ? last + _interval - now : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            Start(node, state, now);
            return;
        }

        state.Timer = _time.CreateTimer(_ => _ = _post(new LoopMessage.RefreshDue(node)), null, wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The throttle timer of a node fired.</summary>
    /// <param name="node">The node index.</param>
    public void OnDue(int node)
    {
        var state = _states[node];
        state.Timer?.Dispose();
        state.Timer = null;
        Request(node);
    }

    /// <summary>A fetch ended; starts the follow-up when requests came meanwhile.</summary>
    /// <param name="node">The node index.</param>
    /// <param name="error">Why it failed, or null.</param>
    /// <returns>The error when it differs from the previous fetch's (worth a notice), else null.</returns>
    public string? OnDone(int node, string? error)
    {
        var state = _states[node];
        state.InFlight = false;
        var report = error is not null && error != state.LastError ? error : null;
        state.LastError = error;
        if (state.Pending)
        {
            state.Pending = false;
            Request(node);
        }

        return report;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var state in _states)
        {
            state.Timer?.Dispose();
            state.Timer = null;
        }
    }

    private void Start(int index, NodeState state, DateTimeOffset now)
    {
        state.InFlight = true;
        state.LastStart = now;
        _ = Task.Run(() => FetchAsync(index), CancellationToken.None);
    }

    private async Task FetchAsync(int index)
    {
        var node = _nodes[index];
        string? error = null;
        try
        {
            var peers = await node.GetPeersAsync(_stop).ConfigureAwait(false);
            var status = await node.GetStatusAsync(_stop).ConfigureAwait(false);
            var topology = await node.GetTopologyAsync(_stop).ConfigureAwait(false);
            await _post(new LoopMessage.Update(m =>
            {
                m.ApplyPeers(index, peers);
                m.ApplyStatus(index, status);
                m.ApplyTopology(index, topology);
            })).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // NodeCommandException (a timeout, a stopped node) or a node bug: reported once, and the
            // next request fetches again, since RefreshDone always follows.
            error = ex.Message;
        }

        await _post(new LoopMessage.RefreshDone(index, error)).ConfigureAwait(false);
    }

    private sealed class NodeState
    {
        public bool InFlight { get; set; }

        public bool Pending { get; set; }

        public DateTimeOffset? LastStart { get; set; }

        public ITimer? Timer { get; set; }

        public string? LastError { get; set; }
    }
}
