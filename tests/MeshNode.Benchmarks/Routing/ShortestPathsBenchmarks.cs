// Compiled once MeshNode.Benchmarks references MeshNode.Core: the coordinator adds the
// ProjectReference and removes this guard (until then the project builds without it).
using BenchmarkDotNet.Attributes;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Benchmarks.Routing;

/// <summary>
/// Topology work per snapshot on a 100-node random mesh of degree 6: building the snapshot
/// (baseline), Dijkstra from this node (directed routing), Dijkstra from every node (the
/// broadcast trees of 100 origins, the worst case per snapshot), and a whole database taken in
/// at once (a new link's exchange).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ShortestPathsBenchmarks
{
    private const int Nodes = 100;
    private const int Degree = 6;

    private NodeKey[] _keys = [];
    private TopologyEdge[] _edges = [];
    private LinkStateRecord[] _records = [];
    private TopologyGraph _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _keys = Enumerable.Range(0, Nodes).Select(_ => new NodeKey((ulong)random.NextInt64(), (ulong)random.NextInt64())).ToArray();
        var links = new HashSet<(int, int)>();
        // A ring keeps it connected; random chords bring every node to about the degree.
        for (var i = 0; i < Nodes; i++)
        {
            links.Add((Math.Min(i, (i + 1) % Nodes), Math.Max(i, (i + 1) % Nodes)));
        }

        while (links.Count < Nodes * Degree / 2)
        {
            int a = random.Next(Nodes), b = random.Next(Nodes);
            if (a != b)
            {
                links.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        _edges = links.Select(l => new TopologyEdge(_keys[l.Item1], _keys[l.Item2], random.Next(1_000, 5_000))).ToArray();
        _graph = TopologyGraph.Create(_keys[0], _edges, []);
        var now = DateTimeOffset.UnixEpoch;
        _records = _keys.Select(k => new LinkStateRecord(
            k,
            1,
            now,
            _edges.Where(e => e.A == k || e.B == k).Select(e => new LinkStateNeighbour(e.A == k ? e.B : e.A, e.RttMicroseconds)).ToArray()))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public TopologyGraph Build_snapshot() => TopologyGraph.Create(_keys[0], _edges, []);

    [Benchmark]
    public int Dijkstra_from_self() => new ShortestPaths(_graph, 0).ReachableCount;

    [Benchmark]
    public int Dijkstra_from_every_origin()
    {
        var total = 0;
        for (var i = 0; i < Nodes; i++)
        {
            total += new ShortestPaths(_graph, i).ReachableCount;
        }

        return total;
    }

    [Benchmark]
    public TopologyGraph Apply_whole_database()
    {
        var db = new LinkStateDatabase(_keys[0], new TopologySettings(), TimeProvider.System, initialSequence: 1);
        return db.ApplyAll(_records).Graph;
    }
}
