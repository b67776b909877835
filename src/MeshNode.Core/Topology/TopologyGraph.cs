using System.Collections.Concurrent;
using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// An immutable snapshot of the mesh as one node's link-state database sees it: the nodes that
/// have a record, the two-way links between them with their RTTs, and which nodes this node can
/// reach. Safe to share between threads and actors; shortest paths are computed on first use
/// per root and kept with the snapshot.
/// </summary>
public sealed class TopologyGraph
{
    private readonly NodeKey[] _nodes;
    private readonly Dictionary<NodeKey, int> _index;
    private readonly TopologyEdge[] _edges;
    private readonly int[][] _adjacent;
    private readonly long[][] _adjacentRtt;
    private readonly HashSet<NodeKey> _reachable;
    private ConcurrentDictionary<int, ShortestPaths>? _paths;

    private TopologyGraph(NodeKey self, long version, NodeKey[] nodes, TopologyEdge[] edges, long minEdgeCost)
    {
        Self = self;
        Version = version;
        MinEdgeCostMicroseconds = minEdgeCost;
        _nodes = nodes;
        _edges = edges;
        // Never mutated after construction, so concurrent readers are safe.
        var index = new Dictionary<NodeKey, int>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            index[nodes[i]] = i;
        }

        _index = index;
        var degree = new int[nodes.Length];
        foreach (var edge in edges)
        {
            degree[index[edge.A]]++;
            degree[index[edge.B]]++;
        }

        _adjacent = new int[nodes.Length][];
        _adjacentRtt = new long[nodes.Length][];
        for (var i = 0; i < nodes.Length; i++)
        {
            _adjacent[i] = new int[degree[i]];
            _adjacentRtt[i] = new long[degree[i]];
        }

        // Each list ends sorted by node index, which is key order: the order Dijkstra relaxes
        // in and the order callers see.
        Array.Clear(degree);
        foreach (var edge in edges)
        {
            int a = index[edge.A], b = index[edge.B];
            _adjacent[a][degree[a]] = b;
            _adjacentRtt[a][degree[a]++] = edge.RttMicroseconds;
            _adjacent[b][degree[b]] = a;
            _adjacentRtt[b][degree[b]++] = edge.RttMicroseconds;
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            Array.Sort(_adjacent[i], _adjacentRtt[i]);
        }

        _reachable = [.. ComputeReachable()];
        Reachable = _reachable.AsReadOnly();
    }

    /// <summary>The node whose view this is.</summary>
    public NodeKey Self { get; }

    /// <summary>Increases with every snapshot one database publishes; 0 for a graph built directly.</summary>
    public long Version { get; }

    /// <summary>The least edge cost used by shortest paths, in microseconds.</summary>
    public long MinEdgeCostMicroseconds { get; }

    /// <summary>Every node with a record (and <see cref="Self"/>), in key order.</summary>
    public IReadOnlyList<NodeKey> Nodes => _nodes;

    /// <summary>Every two-way link, once each, ordered by (A, B).</summary>
    public IReadOnlyList<TopologyEdge> Edges => _edges;

    /// <summary>The nodes reachable from <see cref="Self"/> over two-way links, <see cref="Self"/> included.</summary>
    public IReadOnlySet<NodeKey> Reachable { get; }

    /// <summary>Shortest paths from <see cref="Self"/>: next hops for directed traffic.</summary>
    public ShortestPaths Paths => PathsFrom(Self);

    /// <summary>A graph holding only <paramref name="self"/>: what a node knows before any record.</summary>
    public static TopologyGraph Empty(NodeKey self, long minEdgeCostMicroseconds = 100) =>
        Create(self, [], [], minEdgeCostMicroseconds);

    /// <summary>
    /// Builds a graph directly from edges (tests, simulations and tools; nodes normally get one
    /// from <see cref="LinkStateDatabase"/>). Ends of edges become nodes, as do
    /// <paramref name="nodes"/> (nodes without links); an edge listed twice keeps its first RTT;
    /// self-loops are ignored.
    /// </summary>
    public static TopologyGraph Create(
        NodeKey self,
        IEnumerable<TopologyEdge> edges,
        IEnumerable<NodeKey>? nodes = null,
        long minEdgeCostMicroseconds = 100) =>
        Create(self, 0, edges, nodes ?? [], minEdgeCostMicroseconds);

    /// <summary>True when <paramref name="node"/> has a record in this snapshot.</summary>
    public bool Contains(NodeKey node) => _index.ContainsKey(node);

    /// <summary>True when <paramref name="node"/> is reachable from <see cref="Self"/>.</summary>
    public bool IsReachable(NodeKey node) => _reachable.Contains(node);

    /// <summary>True when both ends reported the link between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public bool HasEdge(NodeKey a, NodeKey b) =>
        _index.TryGetValue(a, out var i) && _index.TryGetValue(b, out var j) && Array.BinarySearch(_adjacent[i], j) >= 0;

    /// <summary>The two-way neighbours of <paramref name="node"/> with edge RTTs, in key order; empty when unknown.</summary>
    public IReadOnlyList<LinkStateNeighbour> NeighboursOf(NodeKey node)
    {
        if (!_index.TryGetValue(node, out var i))
        {
            return [];
        }

        var result = new LinkStateNeighbour[_adjacent[i].Length];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = new LinkStateNeighbour(_nodes[_adjacent[i][k]], _adjacentRtt[i][k]);
        }

        return result;
    }

    /// <summary>
    /// Shortest paths from any node of the graph (for broadcast trees rooted at an origin). Every
    /// node that holds the same graph computes the same result. Computed once per root per snapshot.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="root"/> is not in the graph.</exception>
    public ShortestPaths PathsFrom(NodeKey root)
    {
        if (!_index.TryGetValue(root, out var rootIndex))
        {
            throw new ArgumentException($"Node {root.ToShortString()} is not in the graph.", nameof(root));
        }

        // Created on first use: most snapshots a database builds are replaced before anyone asks.
        var paths = LazyInitializer.EnsureInitialized(ref _paths, static () => new ConcurrentDictionary<int, ShortestPaths>());
        return paths.GetOrAdd(rootIndex, static (i, graph) => new ShortestPaths(graph, i), this);
    }

    internal static TopologyGraph Create(
        NodeKey self,
        long version,
        IEnumerable<TopologyEdge> edges,
        IEnumerable<NodeKey> nodes,
        long minEdgeCostMicroseconds)
    {
        var nodeSet = new HashSet<NodeKey>(nodes) { self };
        var edgeMap = new Dictionary<(NodeKey, NodeKey), long>();
        foreach (var edge in edges)
        {
            if (edge.A == edge.B)
            {
                continue;
            }

            var key = edge.A < edge.B ? (edge.A, edge.B) : (edge.B, edge.A);
            edgeMap.TryAdd(key, Math.Max(0, edge.RttMicroseconds));
            nodeSet.Add(edge.A);
            nodeSet.Add(edge.B);
        }

        var sortedEdges = edgeMap.Select(e => new TopologyEdge(e.Key.Item1, e.Key.Item2, e.Value)).ToArray();
        return FromSorted(self, version, Sorted(nodeSet), SortEdges(sortedEdges), minEdgeCostMicroseconds);
    }

    /// <summary>Builds from nodes in key order (self included) and distinct edges with A &lt; B in (A, B) order.</summary>
    internal static TopologyGraph FromSorted(NodeKey self, long version, NodeKey[] nodes, TopologyEdge[] edges, long minEdgeCostMicroseconds) =>
        new(self, version, nodes, edges, Math.Max(1, minEdgeCostMicroseconds));

    internal static NodeKey[] Sorted(IEnumerable<NodeKey> nodes)
    {
        var sorted = nodes.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    internal static TopologyEdge[] SortEdges(TopologyEdge[] edges)
    {
        Array.Sort(edges, static (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return edges;
    }

    /// <summary>Same nodes and same edges with the same RTTs as the given sorted arrays.</summary>
    internal bool HasShape(ReadOnlySpan<NodeKey> nodes, ReadOnlySpan<TopologyEdge> edges) =>
        _nodes.AsSpan().SequenceEqual(nodes) && _edges.AsSpan().SequenceEqual(edges);

    internal int NodeCount => _nodes.Length;

    internal NodeKey NodeAt(int index) => _nodes[index];

    internal bool TryGetIndex(NodeKey node, out int index) => _index.TryGetValue(node, out index);

    internal int[] AdjacentOf(int index) => _adjacent[index];

    internal long[] AdjacentRttOf(int index) => _adjacentRtt[index];

    private IEnumerable<NodeKey> ComputeReachable()
    {
        var seen = new bool[_nodes.Length];
        var queue = new Queue<int>();
        var start = _index[Self];
        seen[start] = true;
        queue.Enqueue(start);
        while (queue.TryDequeue(out var i))
        {
            yield return _nodes[i];
            foreach (var j in _adjacent[i])
            {
                if (!seen[j])
                {
                    seen[j] = true;
                    queue.Enqueue(j);
                }
            }
        }
    }
}
