using MeshNode.Core.Routing;

namespace MeshNode.Core.Topology;

/// <summary>
/// Dijkstra over a <see cref="TopologyGraph"/> from one root, with edge cost
/// max(RTT, <see cref="TopologyGraph.MinEdgeCostMicroseconds"/>). The result is a tree: every
/// reachable node has one parent, chosen deterministically among equal-cost predecessors (fewest
/// hops, then smallest key), so every node holding the same graph computes the same tree. That
/// property is what the broadcast tree of <see cref="BroadcastForwarding"/> relies on.
/// Get one through <see cref="TopologyGraph.PathsFrom"/> (computed once per root per snapshot).
/// </summary>
public sealed class ShortestPaths
{
    private const int None = -1;

    private readonly TopologyGraph _graph;
    private readonly long[] _cost;
    private readonly int[] _hops;
    private readonly int[] _parent;
    private readonly int[] _firstHop;
    private readonly int[][] _children;

    internal ShortestPaths(TopologyGraph graph, int root)
    {
        _graph = graph;
        Root = graph.NodeAt(root);
        var n = graph.NodeCount;
        _cost = new long[n];
        _hops = new int[n];
        _parent = new int[n];
        _firstHop = new int[n];
        Array.Fill(_cost, long.MaxValue);
        Array.Fill(_hops, int.MaxValue);
        Array.Fill(_parent, None);
        Array.Fill(_firstHop, None);
        _cost[root] = 0;
        _hops[root] = 0;

        var done = new bool[n];
        var order = new List<int>(n);
        // Priority (cost, index): index order is key order, so equal costs settle in key order.
        var queue = new PriorityQueue<int, (long Cost, int Index)>();
        queue.Enqueue(root, (0, root));
        var minCost = graph.MinEdgeCostMicroseconds;
        while (queue.TryDequeue(out var u, out var priority))
        {
            if (done[u] || priority.Cost != _cost[u])
            {
                continue;
            }

            done[u] = true;
            order.Add(u);
            var adjacent = graph.AdjacentOf(u);
            var rtts = graph.AdjacentRttOf(u);
            for (var k = 0; k < adjacent.Length; k++)
            {
                var v = adjacent[k];
                if (done[v])
                {
                    continue;
                }

                var cost = _cost[u] + Math.Max(rtts[k], minCost);
                var hops = _hops[u] + 1;
                // Edge costs are positive, so every predecessor of v settles before v: the tie-break
                // below sees all of them whatever the queue order, which keeps the tree deterministic.
                if (cost < _cost[v] || (cost == _cost[v] && (hops < _hops[v] || (hops == _hops[v] && u < _parent[v]))))
                {
                    var improved = cost < _cost[v];
                    _cost[v] = cost;
                    _hops[v] = hops;
                    _parent[v] = u;
                    if (improved)
                    {
                        queue.Enqueue(v, (cost, v));
                    }
                }
            }
        }

        var children = new List<int>[n];
        foreach (var v in order)
        {
            var p = _parent[v];
            if (p == None)
            {
                continue;
            }

            _firstHop[v] = p == root ? v : _firstHop[p];
            (children[p] ??= []).Add(v);
        }

        _children = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var list = children[i];
            if (list is null)
            {
                _children[i] = [];
            }
            else
            {
                list.Sort();
                _children[i] = [.. list];
            }
        }

        ReachableCount = order.Count;
    }

    /// <summary>The node the paths start from.</summary>
    public NodeKey Root { get; }

    /// <summary>How many nodes the root reaches, itself included.</summary>
    public int ReachableCount { get; }

    /// <summary>Every reachable destination but the root, in key order.</summary>
    public IReadOnlyList<Route> Routes
    {
        get
        {
            var routes = new List<Route>(ReachableCount);
            for (var i = 0; i < _graph.NodeCount; i++)
            {
                if (_firstHop[i] != None)
                {
                    routes.Add(RouteAt(i));
                }
            }

            return routes;
        }
    }

    /// <summary>True when <paramref name="node"/> is the root or reachable from it.</summary>
    public bool IsReachable(NodeKey node) => _graph.TryGetIndex(node, out var i) && _cost[i] != long.MaxValue;

    /// <summary>The route to <paramref name="destination"/>; false when it is unknown, unreachable or the root.</summary>
    public bool TryGetRoute(NodeKey destination, out Route route)
    {
        if (_graph.TryGetIndex(destination, out var i) && _firstHop[i] != None)
        {
            route = RouteAt(i);
            return true;
        }

        route = default;
        return false;
    }

    /// <summary>The root's neighbour on the way to <paramref name="destination"/>; null when there is no route.</summary>
    public NodeKey? NextHop(NodeKey destination) =>
        TryGetRoute(destination, out var route) ? route.NextHop : null;

    /// <summary>Links from the root to <paramref name="destination"/>: 0 for the root, -1 when unreachable.</summary>
    public int HopCount(NodeKey destination) =>
        _graph.TryGetIndex(destination, out var i) && _cost[i] != long.MaxValue ? _hops[i] : -1;

    /// <summary>The nodes from the root to <paramref name="destination"/>, both included; empty when unreachable.</summary>
    public IReadOnlyList<NodeKey> PathTo(NodeKey destination)
    {
        if (!_graph.TryGetIndex(destination, out var i) || _cost[i] == long.MaxValue)
        {
            return [];
        }

        var path = new NodeKey[_hops[i] + 1];
        for (var k = path.Length - 1; k >= 0; k--)
        {
            path[k] = _graph.NodeAt(i);
            i = _parent[i];
        }

        return path;
    }

    /// <summary>The node before <paramref name="node"/> on its path from the root; null for the root or unreachable nodes.</summary>
    public NodeKey? ParentOf(NodeKey node) =>
        _graph.TryGetIndex(node, out var i) && _parent[i] != None ? _graph.NodeAt(_parent[i]) : null;

    /// <summary>The nodes whose path from the root passes through <paramref name="node"/> last, in key order.</summary>
    public IReadOnlyList<NodeKey> ChildrenOf(NodeKey node)
    {
        if (!_graph.TryGetIndex(node, out var i) || _children[i].Length == 0)
        {
            return [];
        }

        return Array.ConvertAll(_children[i], _graph.NodeAt);
    }

    private Route RouteAt(int i) => new(_graph.NodeAt(i), _graph.NodeAt(_firstHop[i]), _hops[i], _cost[i]);
}
