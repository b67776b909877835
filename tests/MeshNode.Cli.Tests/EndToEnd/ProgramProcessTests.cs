using System.Diagnostics;
using System.Text.Json;

namespace MeshNode.Cli.Tests.EndToEnd;

public sealed class ProgramProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_built_program_answers_help_on_stdin_and_exits_0_at_end_of_input()
    {
        using var process = Start("lab", "--nodes", "2", "--topology", "line", "--headless");
        var lines = new List<JsonElement>();
        var help = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            var element = JsonDocument.Parse(e.Data).RootElement.Clone();
            lock (lines)
            {
                lines.Add(element);
            }

            var name = element.GetProperty("event").GetString();
            if (name == "node_started" && element.GetProperty("node").GetInt32() == 1)
            {
                started.TrySetResult();
            }
            else if (name == "help")
            {
                help.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();

        await started.Task.WaitAsync(Timeout);
        await process.StandardInput.WriteLineAsync("/help");
        await process.StandardInput.FlushAsync();
        await help.Task.WaitAsync(Timeout);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await errors);
    }

    [Fact]
    public async Task The_built_program_exits_2_on_a_usage_error_without_a_stack_trace()
    {
        using var process = Start("run", "--no-such-flag");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Close();

        await process.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--no-such-flag", await errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await output);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(CliApplication).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("MESHNODE_PASSPHRASE");
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
