using MeshNode.Core.Node;
using MeshNode.Tui.Model;

namespace MeshNode.Tui.Tests.Model;

/// <summary>Fixed ids, names, times and models for the UI tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>UTC+1 without daylight saving, so snapshots show 13:00 for Start on any machine.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Test+1", TimeSpan.FromHours(1), "Test+1", "Test+1");

    private static readonly string[] Names =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yvonne",
        "amir", "bea", "chen", "dina", "emeka", "fatima", "goran", "hana", "ines", "jonas",
        "kofi", "lena", "mateo", "nadia", "oscar", "priya", "quinn", "rosa", "sven", "tariq",
        "uma", "vera", "wen", "xena", "yusuf", "zara", "arjun", "bruno", "carmen", "dmitri",
    ];

    public static string Id(int i) => $"{i + 1:x4}5e7a1c0d9b3f";

    public static string Name(int i) => i < Names.Length ? Names[i] : $"node{i}";

    public static string Fingerprint(int i)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[32];
        for (var k = 0; k < chars.Length; k++)
        {
            chars[k] = alphabet[((i + 3) * 7 + k * 5) % alphabet.Length];
        }

        var text = new string(chars);
        return string.Join(' ', Enumerable.Range(0, 8).Select(g => text.Substring(g * 4, 4)));
    }

    public static TuiNodeInfo Info(int i) => new(Id(i), Name(i), Fingerprint(i), 41000 + i);

    public static TuiModel NewModel(ManualTimeProvider time, int nodes = 1, bool lab = false, int maxLines = 2000) =>
        new(Enumerable.Range(0, nodes).Select(Info).ToArray(), time, new TuiModelOptions { Lab = lab, TimeZone = Zone, MaxLinesPerTab = maxLines });

    public static NodeStarted Started(int i, string security = "passphrase") =>
        new(Start, Id(i), Name(i), 41000 + i, Fingerprint(i), security);

    public static PeerView Peer(int i, int? hops, bool linked, string trust = "pinned", double rttMs = 1.5) =>
        new(Id(i), Name(i), Fingerprint(i)[..9], hops, hops is null ? null : TimeSpan.FromMilliseconds(rttMs * (hops ?? 1)), hops is not null, linked, trust, Start);

    public static ChatReceived Chat(string id, int from, string text, string scope = "all", string security = "network", int hops = 1, bool changedKey = false, DateTimeOffset? at = null) =>
        new(at ?? Start, id, Id(from), Name(from), text, scope, security, hops, at ?? Start, changedKey);

    /// <summary>A line of nodes 0-1-2-...-(n-1) as node <paramref name="self"/> sees it.</summary>
    public static TopologyView Line(int n, int self = 0)
    {
        var nodes = Enumerable.Range(0, n).Select(i => new TopologyNodeView(Id(i), Name(i), Math.Abs(i - self), null)).ToArray();
        var edges = Enumerable.Range(0, n - 1).Select(i => new TopologyEdgeView(Id(i), Id(i + 1), TimeSpan.FromMilliseconds(1 + i))).ToArray();
        return new TopologyView(Id(self), nodes, edges);
    }

    /// <summary>A random connected graph of <paramref name="n"/> nodes (fixed seed), plus <paramref name="unreachable"/> isolated nodes.</summary>
    public static TopologyView Random(int n, int degree, int seed, int unreachable = 0)
    {
        var random = new Random(seed);
        var edges = new HashSet<(int, int)>();
        for (var i = 1; i < n; i++)
        {
            var j = random.Next(i);
            edges.Add((j, i));
        }

        while (edges.Count < n * degree / 2)
        {
            var a = random.Next(n);
            var b = random.Next(n);
            if (a != b)
            {
                edges.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        var hops = Hops(n, edges);
        var nodes = Enumerable.Range(0, n + unreachable).Select(i => new TopologyNodeView(Id(i), Name(i), i < n ? hops[i] : null, null)).ToArray();
        var edgeViews = edges.OrderBy(e => e).Select(e => new TopologyEdgeView(Id(e.Item1), Id(e.Item2), TimeSpan.FromMilliseconds(1 + random.Next(40)))).ToArray();
        return new TopologyView(Id(0), nodes, edgeViews);
    }

    /// <summary>Hop counts from node 0 by breadth-first search.</summary>
    public static int[] Hops(int n, IEnumerable<(int A, int B)> edges)
    {
        var hops = Enumerable.Repeat(-1, n).ToArray();
        var list = edges.ToList();
        hops[0] = 0;
        var queue = new Queue<int>([0]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var (a, b) in list)
            {
                var other = a == at ? b : b == at ? a : -1;
                if (other >= 0 && hops[other] < 0)
                {
                    hops[other] = hops[at] + 1;
                    queue.Enqueue(other);
                }
            }
        }

        return hops;
    }

    public static ConsoleKeyInfo Key(ConsoleKey key, bool shift = false, bool alt = false, bool control = false, char ch = '\0') =>
        new(ch, key, shift, alt, control);

    public static ConsoleKeyInfo Char(char c) =>
        new(c, char.IsLetter(c) ? (ConsoleKey)char.ToUpperInvariant(c) : c == ' ' ? ConsoleKey.Spacebar : ConsoleKey.Oem1, char.IsUpper(c), false, false);
}
