namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// The node scenario harness: <c>dotnet run -c Release --project tests/MeshNode.Benchmarks -- mesh &lt;scenario&gt;|all</c>.
/// Each scenario starts real nodes in this process (or a child process) and prints a table with its baseline.
/// </summary>
internal static class MeshScenarios
{
    private static readonly (string Name, Func<Task> Run)[] All =
    [
        ("idle-rss", IdleRssScenario.RunAsync),
        ("latency", LatencyScenario.RunAsync),
        ("throughput", ThroughputScenario.RunAsync),
        ("duplicates", DuplicatesScenario.RunAsync),
        ("idle-traffic", IdleTrafficScenario.RunAsync),
        ("convergence", ConvergenceScenario.RunAsync),
        ("memory", MemoryScenario.RunAsync),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var wanted = args.Length == 0 ? "all" : args[0];
        if (wanted == "bare")
        {
            return IdleRssScenario.RunBare();
        }

        if (wanted == "bare-node")
        {
            return await IdleRssScenario.RunBareNodeAsync();
        }

        var chosen = All.Where(s => wanted == "all" || s.Name == wanted).ToArray();
        if (chosen.Length == 0)
        {
            Console.Error.WriteLine($"unknown scenario '{wanted}'; one of: all, {string.Join(", ", All.Select(s => s.Name))}");
            return 2;
        }

        Console.WriteLine($"Settings: {ScenarioCluster.BaseSettings.Source}; {Environment.ProcessorCount} cores; {Environment.OSVersion}; .NET {Environment.Version}");
        foreach (var (_, run) in chosen)
        {
            await run();
        }

        return 0;
    }
}
