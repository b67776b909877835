using System.Globalization;

namespace MeshNode.Cli.Lab;

/// <summary>
/// The edges of a lab mesh: which node links to which, for <c>line</c>, <c>ring</c>, <c>star</c>,
/// <c>grid</c>, <c>full</c> and <c>random:DEGREE</c>. Pure and deterministic (random from the seed).
/// Edges are (A, B) with A &lt; B, each once, in a stable order.
/// </summary>
internal static class LabTopology
{
    /// <summary>Most nodes a lab may run in one process.</summary>
    public const int MaxNodes = 200;

    /// <summary>The shapes, for help and error messages.</summary>
    public const string Shapes = "line, ring, star, grid, full, random:DEGREE";

    /// <summary>Builds the edges for <paramref name="shape"/> over <paramref name="nodes"/> nodes.</summary>
    /// <param name="shape">The shape as typed, e.g. <c>ring</c> or <c>random:3</c>.</param>
    /// <param name="nodes">Number of nodes, 1 to <see cref="MaxNodes"/>.</param>
    /// <param name="seed">Seed for <c>random</c>.</param>
    /// <returns>The edges.</returns>
    /// <exception cref="CliUserException">Unknown shape, bad degree or node count.</exception>
    public static IReadOnlyList<(int A, int B)> Build(string shape, int nodes, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (nodes < 1 || nodes > MaxNodes)
        {
            throw new CliUserException($"--nodes must be between 1 and {MaxNodes}, got {nodes}", CliApplication.ExitUsage);
        }

        var name = shape.Trim().ToLowerInvariant();
        return name switch
        {
            "line" => Line(nodes),
            "ring" => Ring(nodes),
            "star" => Enumerable.Range(1, nodes - 1).Select(i => (0, i)).ToList(),
            "grid" => Grid(nodes),
            "full" => Full(nodes),
            _ when name.StartsWith("random:", StringComparison.Ordinal) => Random(nodes, ParseDegree(name["random:".Length..]), seed),
            _ => throw new CliUserException($"unknown topology '{shape}'; expected one of {Shapes}", CliApplication.ExitUsage),
        };
    }

    private static int ParseDegree(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var degree) || degree < 1)
        {
            throw new CliUserException($"random:DEGREE needs a whole number of at least 1, got '{text}'", CliApplication.ExitUsage);
        }

        return degree;
    }

    private static List<(int A, int B)> Line(int n) =>
        Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToList();

    private static List<(int A, int B)> Ring(int n)
    {
        var edges = Line(n);
        if (n > 2)
        {
            edges.Add((0, n - 1));
        }

        return edges;
    }

    private static List<(int A, int B)> Grid(int n)
    {
        // As square as possible; the last row may be short.
        var columns = (int)Math.Ceiling(Math.Sqrt(n));
        var edges = new List<(int A, int B)>();
        for (var i = 0; i < n; i++)
        {
            if ((i % columns) + 1 < columns && i + 1 < n)
            {
                edges.Add((i, i + 1));
            }

            if (i + columns < n)
            {
                edges.Add((i, i + columns));
            }
        }

        return edges;
    }

    private static List<(int A, int B)> Full(int n)
    {
        var edges = new List<(int A, int B)>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                edges.Add((a, b));
            }
        }

        return edges;
    }

    private static List<(int A, int B)> Random(int n, int degree, int seed)
    {
        // A random spanning tree first (so the mesh is connected), then random extra edges until
        // the average degree reaches the target or the graph is full.
        var random = new Random(seed);
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var edges = new HashSet<(int A, int B)>();
        for (var i = 1; i < n; i++)
        {
            edges.Add(Ordered(order[i], order[random.Next(i)]));
        }

        var target = Math.Min((long)n * degree / 2, (long)n * (n - 1) / 2);
        var attempts = 0;
        while (edges.Count < target && attempts++ < 100 * n * degree)
        {
            var a = random.Next(n);
            var b = random.Next(n);
            if (a != b)
            {
                edges.Add(Ordered(a, b));
            }
        }

        return edges.Order().ToList();
    }

    private static (int A, int B) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
