using MeshNode.Tui.Terminal;

namespace MeshNode.Cli;

/// <summary>
/// The streams and environment a command runs against, so tests can run the real entry point in
/// process with captured output.
/// </summary>
/// <param name="Out">Standard output: command results and headless events.</param>
/// <param name="Error">Standard error: one-line failures and notices.</param>
/// <param name="In">Standard input: headless slash commands, and the name asked on a first start.</param>
/// <param name="Environment">The environment variables the program reads.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Whether standard input is a terminal (false for pipes, files and in-process tests).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Whether standard output is a terminal.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>
    /// Opens the terminal the UI takes over, given whether colour is allowed; null where there is
    /// none (in-process tests), which keeps <c>run</c> and <c>lab</c> headless.
    /// </summary>
    public Func<bool, ITerminal>? OpenTerminal { get; init; }

    /// <summary>The process console and environment.</summary>
    /// <returns>A console bound to the process streams.</returns>
    public static CliConsole FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                environment[key] = value;
            }
        }

        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
        return new CliConsole(stdout, stderr, stdin, environment)
        {
            InputIsTerminal = !Console.IsInputRedirected,
            OutputIsTerminal = !Console.IsOutputRedirected,
            OpenTerminal = color => new ConsoleTerminal(color),
        };
    }
}
