using System.Collections.Concurrent;
using System.Threading.Channels;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;

namespace MeshNode.Tui.Tests.App;

/// <summary>An <see cref="IMeshNode"/> in memory: the test feeds events and reads back every command the UI sent.</summary>
internal sealed class FakeMeshNode : IMeshNode
{
    private readonly Channel<NodeEvent> _events = Channel.CreateUnbounded<NodeEvent>();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    public FakeMeshNode(string name, string nodeId)
    {
        Name = name;
        NodeId = nodeId;
    }

    public string NodeId { get; }

    public string Name { get; }

    public string Fingerprint => "ABCD-EF01-2345-6789";

    public TransportEndpoint ListenEndpoint { get; } = new("127.0.0.1", 7400);

    public ChannelReader<NodeEvent> Events => _events.Reader;

    public List<PeerView> Peers { get; } = [];

    public List<ChatHistoryItem> History { get; } = [];

    /// <summary>When set, every command throws it.</summary>
    public Exception? Fail { get; set; }

    /// <summary>Every call as text, e.g. "all:hello", "direct:bob:hi", "trust:bob:FP".</summary>
    public IReadOnlyCollection<string> Calls => _calls;

    public void Publish(NodeEvent e) => _events.Writer.TryWrite(e);

    public void EndEvents() => _events.Writer.TryComplete();

    /// <summary>Waits until a call matching <paramref name="predicate"/> was made.</summary>
    public async Task<string> WaitForCallAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                var match = _calls.FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                next = _called.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} was not asked {what} within {timeout.TotalSeconds} s; calls: {string.Join(", ", _calls)}");
            }
        }
    }

    public Task<SendOutcome> SendToAllAsync(string text, CancellationToken cancellationToken = default) =>
        Call($"all:{text}", () => new SendOutcome($"m{Interlocked.Increment(ref _sent)}", Queued: false));

    public Task<SendOutcome> SendDirectAsync(string nameOrId, string text, CancellationToken cancellationToken = default) =>
        Call($"direct:{nameOrId}:{text}", () => new SendOutcome($"m{Interlocked.Increment(ref _sent)}", Queued: false));

    public Task<IReadOnlyList<PeerView>> GetPeersAsync(CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PeerView>>("peers", () => Peers.ToArray());

    public Task<TopologyView> GetTopologyAsync(CancellationToken cancellationToken = default) =>
        Call("topology", () => new TopologyView(NodeId, [new TopologyNodeView(NodeId, Name, 0, null)], []));

    public Task<TraceView> TraceAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        Call($"trace:{nameOrId}", () => new TraceView(nameOrId, [Name, nameOrId], TimeSpan.FromMilliseconds(3)));

    public Task<NodeStatusView> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Call("status", () => new NodeStatusView("open", Peers.Count(p => p.Linked), Peers.Count, 0));

    public Task<IReadOnlyList<ChatHistoryItem>> GetHistoryAsync(string? peerNameOrId, int limit, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<ChatHistoryItem>>($"history:{peerNameOrId ?? "all"}", () => History.Where(h => h.Conversation == (peerNameOrId ?? "all")).ToArray());

    public Task ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken = default) =>
        Call($"connect:{endpoint}", () => true);

    public Task TrustAsync(string nameOrId, string fingerprint, CancellationToken cancellationToken = default) =>
        Call($"trust:{nameOrId}:{fingerprint}", () => true);

    public Task StopAsync()
    {
        EndEvents();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private Task<T> Call<T>(string call, Func<T> result)
    {
        TaskCompletionSource called;
        lock (_gate)
        {
            _calls.Enqueue(call);
            called = _called;
            _called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        called.TrySetResult();
        return Fail is { } failure && !call.StartsWith("history", StringComparison.Ordinal) && call is not ("peers" or "status" or "topology")
            ? Task.FromException<T>(failure)
            : Task.FromResult(result());
    }
}
