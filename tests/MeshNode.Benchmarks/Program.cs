using System.Runtime.CompilerServices;
using BenchmarkDotNet.Running;
using MeshNode.Benchmarks.Mesh;

namespace MeshNode.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/MeshNode.Benchmarks -- --filter '*'</c>.
/// Each benchmark class carries its baseline in the same run, so results read as ratios.
/// <c>-- mesh &lt;scenario&gt;|all</c> runs the node scenario harness instead, <c>-- tui-idle</c> the
/// terminal UI's idle CPU scenario (see docs/benchmarks.md).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "mesh")
        {
            return MeshScenarios.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "tui-idle")
        {
            return Tui.TuiIdleScenario.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        RunBenchmarks(args);
        return 0;
    }

    // Kept apart so the scenario harness (and its bare-process baseline) never loads BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunBenchmarks(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
