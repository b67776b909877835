using System.Diagnostics;

namespace MeshNode.Core.Tests.NetNs;

/// <summary>Runs commands with a timeout; a command still running at the timeout is killed (only that process tree).</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        using var process = Start(file, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a command with redirected standard streams; the caller owns (and kills) it.</summary>
    public static Process Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{file}'.");
    }
}
