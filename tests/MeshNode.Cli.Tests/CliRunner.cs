namespace MeshNode.Cli.Tests;

/// <summary>Runs the real entry point in process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, string stdin = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, new StringReader(stdin), environment ?? new Dictionary<string, string>());
        var code = await CliApplication.RunAsync(args, console).WaitAsync(TimeSpan.FromSeconds(60));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
