using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

/// <summary>
/// A mesh's links for simulations: nodes 0..N-1 with seeded random 16-byte keys (so key order,
/// the tie-break, is unrelated to the layout) and per-link RTTs. Links can be removed to model
/// a node that leaves.
/// </summary>
internal sealed class SimulatedTopology
{
    private readonly Dictionary<(int, int), long> _rtt = [];
    private readonly SortedSet<int>[] _neighbours;

    private SimulatedTopology(int count, int seed)
    {
        var random = new Random(seed);
        Keys = new NodeKey[count];
        var bytes = new byte[NodeKey.Length];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            Keys[i] = new NodeKey(bytes);
        }

        _neighbours = new SortedSet<int>[count];
        for (var i = 0; i < count; i++)
        {
            _neighbours[i] = [];
        }

        RttRandom = new Random(seed ^ 0x5EED);
    }

    public int Count => Keys.Length;

    public NodeKey[] Keys { get; }

    public int LinkCount => _rtt.Count;

    private Random RttRandom { get; }

    public IReadOnlyCollection<int> NeighboursOf(int node) => _neighbours[node];

    public long RttOf(int a, int b) => _rtt[Ordered(a, b)];

    /// <summary>
    /// A connected random graph where every node has exactly <paramref name="degree"/> links:
    /// links are added between random nodes short of the degree; a dead end or a disconnected
    /// result starts over (same seed stream, so the result is fixed by the seed).
    /// </summary>
    public static SimulatedTopology Random(int count, int degree, int seed)
    {
        if (count * degree % 2 != 0 || degree >= count)
        {
            throw new ArgumentException("count * degree must be even and degree < count.");
        }

        var random = new Random(seed);
        while (true)
        {
            var topology = new SimulatedTopology(count, seed);
            var open = Enumerable.Range(0, count).ToList();
            var stuck = false;
            while (open.Count > 0 && !stuck)
            {
                var a = open[random.Next(open.Count)];
                var choices = open.Where(b => b != a && !topology._neighbours[a].Contains(b)).ToList();
                if (choices.Count == 0)
                {
                    stuck = true;
                    break;
                }

                var b = choices[random.Next(choices.Count)];
                topology.Link(a, b);
                open.RemoveAll(n => topology._neighbours[n].Count == degree);
            }

            if (!stuck && topology.IsConnected())
            {
                return topology;
            }
        }
    }

    public static SimulatedTopology Line(int count, int seed = 1) => Build(count, seed, Enumerable.Range(0, count - 1).Select(i => (i, i + 1)));

    public static SimulatedTopology Ring(int count, int seed = 1) => Build(count, seed, Enumerable.Range(0, count).Select(i => (i, (i + 1) % count)));

    public static SimulatedTopology Star(int count, int seed = 1) => Build(count, seed, Enumerable.Range(1, count - 1).Select(i => (0, i)));

    public static SimulatedTopology Grid(int width, int height, int seed = 1)
    {
        var links = new List<(int, int)>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (x + 1 < width)
                {
                    links.Add((i, i + 1));
                }

                if (y + 1 < height)
                {
                    links.Add((i, i + width));
                }
            }
        }

        return Build(width * height, seed, links);
    }

    /// <summary>Removes every link of <paramref name="node"/> (the node left the mesh).</summary>
    public void Isolate(int node)
    {
        foreach (var other in _neighbours[node].ToArray())
        {
            _neighbours[other].Remove(node);
            _rtt.Remove(Ordered(node, other));
        }

        _neighbours[node].Clear();
    }

    private static SimulatedTopology Build(int count, int seed, IEnumerable<(int A, int B)> links)
    {
        var topology = new SimulatedTopology(count, seed);
        foreach (var (a, b) in links)
        {
            topology.Link(a, b);
        }

        return topology;
    }

    private void Link(int a, int b)
    {
        _neighbours[a].Add(b);
        _neighbours[b].Add(a);
        // 1 to 5 ms: LAN and Wi-Fi hops.
        _rtt[Ordered(a, b)] = RttRandom.Next(1_000, 5_000);
    }

    private bool IsConnected()
    {
        var seen = new bool[Count];
        var stack = new Stack<int>([0]);
        seen[0] = true;
        var reached = 1;
        while (stack.TryPop(out var i))
        {
            foreach (var j in _neighbours[i])
            {
                if (!seen[j])
                {
                    seen[j] = true;
                    reached++;
                    stack.Push(j);
                }
            }
        }

        return reached == Count;
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
