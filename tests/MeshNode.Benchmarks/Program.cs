using BenchmarkDotNet.Running;

namespace MeshNode.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/MeshNode.Benchmarks -- --filter '*'</c>.
/// Each benchmark class carries its baseline in the same run, so results read as ratios.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
