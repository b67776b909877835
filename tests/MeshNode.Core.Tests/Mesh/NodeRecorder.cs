using MeshNode.Core.Node;

namespace MeshNode.Core.Tests.Mesh;

/// <summary>Reads one node's events in the background and lets a test wait for one that matches.</summary>
internal sealed class NodeRecorder
{
    private readonly Lock _lock = new();
    private readonly List<NodeEvent> _events = [];
    private readonly List<(Func<NodeEvent, bool> Match, TaskCompletionSource<NodeEvent> Done)> _waiters = [];
    private readonly Task _pump;

    public NodeRecorder(IMeshNode node)
    {
        Node = node;
        _pump = Task.Run(async () =>
        {
            await foreach (var e in node.Events.ReadAllAsync())
            {
                lock (_lock)
                {
                    _events.Add(e);
                    foreach (var waiter in _waiters.Where(w => w.Match(e)).ToArray())
                    {
                        _waiters.Remove(waiter);
                        waiter.Done.TrySetResult(e);
                    }
                }
            }
        });
    }

    public IMeshNode Node { get; }

    public IReadOnlyList<NodeEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    public IReadOnlyList<T> All<T>(Func<T, bool>? match = null)
        where T : NodeEvent => Events.OfType<T>().Where(e => match?.Invoke(e) ?? true).ToArray();

    /// <summary>The first event (already seen or still to come) of type <typeparamref name="T"/> that matches.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout, bool includePast = true)
        where T : NodeEvent
    {
        TaskCompletionSource<NodeEvent> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (includePast && _events.OfType<T>().FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((e => e is T t && match(t), done));
        }

        try
        {
            return (T)await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{Node.Name}: no {typeof(T).Name} matched within {timeout}. Seen: "
                + string.Join("; ", Events.TakeLast(30).Select(e => e.ToString())));
        }
    }
}
