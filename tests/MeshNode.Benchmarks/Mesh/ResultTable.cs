using System.Globalization;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Prints a scenario's figures as an aligned (Markdown-compatible) table.</summary>
internal static class ResultTable
{
    public static void Print(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, c) => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        for (var i = 0; i < all.Count; i++)
        {
            Console.WriteLine("| " + string.Join(" | ", all[i].Select((v, c) => v.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }

        Console.WriteLine();
    }

    public static string F(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Met(bool met) => met ? "met" : "MISSED";

    /// <summary>The value at quantile <paramref name="q"/> (0..1) of sorted samples, nearest rank.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
