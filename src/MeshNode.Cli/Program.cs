namespace MeshNode.Cli;

/// <summary>The <c>meshnode</c> program's entry point.</summary>
internal static class Program
{
    /// <summary>Runs the command line against the process console and environment.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 on success, 1 on a runtime failure, 2 on a usage error.</returns>
    public static Task<int> Main(string[] args) =>
        CliApplication.RunAsync(args, CliConsole.FromProcess());
}
