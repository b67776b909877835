// Compiled once MeshNode.Benchmarks references MeshNode.Core: the coordinator adds the
// ProjectReference and removes this guard (until then the project builds without it).
using BenchmarkDotNet.Attributes;
using MeshNode.Core.Routing;

namespace MeshNode.Benchmarks.Routing;

/// <summary>
/// The router's dedup cache on its hot path: one TryAdd per envelope received. Baseline: a plain
/// unbounded HashSet of the same 32-byte keys, so the ratio is the price of the count and age
/// bounds (ring buffer, eviction, clock read).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SeenCacheBenchmarks
{
    private const int Operations = 100_000;
    private const int Capacity = 65_536;

    private (NodeKey Origin, MessageId Id)[] _fresh = [];
    private HashSet<(NodeKey, MessageId)> _set = [];
    private SeenCache _cache = null!;
    private SeenCache _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var origins = Enumerable.Range(0, 50).Select(_ => new NodeKey((ulong)random.NextInt64(), (ulong)random.NextInt64())).ToArray();
        _fresh = Enumerable.Range(0, Operations)
            .Select(_ => (origins[random.Next(origins.Length)], new MessageId((ulong)random.NextInt64(), (ulong)random.NextInt64())))
            .ToArray();
        _full = new SeenCache(Capacity, TimeSpan.FromMinutes(5), TimeProvider.System);
        foreach (var (origin, id) in _fresh)
        {
            _full.TryAdd(origin, id);
        }
    }

    [IterationSetup]
    public void Reset()
    {
        _set = new HashSet<(NodeKey, MessageId)>(Capacity);
        // Starts full, so every new key also evicts the oldest: the steady state of a busy node.
        _cache = new SeenCache(Capacity, TimeSpan.FromMinutes(5), TimeProvider.System);
        for (var i = 0; i < Capacity; i++)
        {
            _cache.TryAdd(new NodeKey(0, (ulong)i), new MessageId(0, (ulong)i));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public int HashSet_add()
    {
        var added = 0;
        foreach (var key in _fresh)
        {
            added += _set.Add(key) ? 1 : 0;
        }

        return added;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int TryAdd_new_with_eviction()
    {
        var added = 0;
        foreach (var (origin, id) in _fresh)
        {
            added += _cache.TryAdd(origin, id) ? 1 : 0;
        }

        return added;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int TryAdd_duplicate()
    {
        var added = 0;
        for (var i = _fresh.Length - Capacity; i < _fresh.Length; i++)
        {
            added += _full.TryAdd(_fresh[i].Origin, _fresh[i].Id) ? 1 : 0;
        }

        return added;
    }
}
