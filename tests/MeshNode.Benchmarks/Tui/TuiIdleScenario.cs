using System.Diagnostics;
using System.Globalization;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Tui;

/// <summary>
/// Idle CPU of <c>meshnode run --ephemeral --no-discovery</c> with the terminal UI in a tmux session,
/// beside the same node with <c>--headless</c> (same tmux size, same run) as the baseline:
/// utime+stime from /proc/PID/stat over 30 s, after 5 s for start-up to settle.
/// <c>dotnet run -c Release --project tests/MeshNode.Benchmarks -- tui-idle [SECONDS]</c>.
/// </summary>
internal static class TuiIdleScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var window = TimeSpan.FromSeconds(args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 30);
        var meshnode = Environment.GetEnvironmentVariable("MESHNODE_DLL")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "MeshNode.Cli", "release", "meshnode.dll"));
        if (!File.Exists(meshnode))
        {
            Console.WriteLine($"tui-idle: {meshnode} not found; build src/MeshNode.Cli -c Release with the same ArtifactsPath or set MESHNODE_DLL.");
            return 1;
        }

        if (!OperatingSystem.IsLinux() || Run("tmux", ["-V"]) is null)
        {
            Console.WriteLine("tui-idle: needs Linux (/proc) and tmux.");
            return 1;
        }

        var ticksPerSecond = double.Parse(Run("getconf", ["CLK_TCK"])?.Trim() ?? "100", CultureInfo.InvariantCulture);
        Console.WriteLine($"tui-idle: {Environment.ProcessorCount} cores; {Environment.OSVersion}; .NET {Environment.Version}; window {window.TotalSeconds} s after {Settle.TotalSeconds} s settling; CLK_TCK {ticksPerSecond}");
        var tui = await MeasureAsync(meshnode, headless: false, window, ticksPerSecond);
        var headless = await MeasureAsync(meshnode, headless: true, window, ticksPerSecond);
        Print(
            $"Idle CPU over {window.TotalSeconds} s (utime+stime from /proc/PID/stat, % of one core), tmux 120x40",
            ["Process", "CPU %", "target", "verdict"],
            [
                ["meshnode run --ephemeral --no-discovery (terminal UI)", F(tui, 3), "< 1%", Met(tui < 1)],
                ["Baseline: the same node with --headless", F(headless, 3), string.Empty, string.Empty],
            ]);
        return 0;
    }

    private static async Task<double> MeasureAsync(string meshnode, bool headless, TimeSpan window, double ticksPerSecond)
    {
        var socket = Path.Combine(Path.GetTempPath(), "meshnode-bench-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        var command = $"exec dotnet '{meshnode}' run --ephemeral --no-discovery --port 0 --name idle-bench{(headless ? " --headless" : string.Empty)}";
        try
        {
            Require(Run("tmux", ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", command]), "new-session");
            var pid = int.Parse(Require(Run("tmux", ["-S", socket, "display-message", "-p", "-t", "bench", "#{pane_pid}"]), "pane_pid").Trim(), CultureInfo.InvariantCulture);
            var ready = headless ? "node_started" : "idle-bench";
            // Start-up: sample the screen four times a second for up to 60 s until the node shows it is up.
            var shown = false;
            await Mesh.MeasurementWindow.SampleAsync(TimeSpan.FromMilliseconds(250), 240, () =>
                shown = (Run("tmux", ["-S", socket, "capture-pane", "-p", "-t", "bench"]) ?? string.Empty).Contains(ready, StringComparison.Ordinal));
            if (!shown)
            {
                throw new TimeoutException($"the node did not show '{ready}' within 60 s");
            }

            await Mesh.MeasurementWindow.ElapseAsync(Settle);
            var before = CpuTicks(pid);
            await Mesh.MeasurementWindow.ElapseAsync(window);
            var after = CpuTicks(pid);
            return (after - before) / ticksPerSecond / window.TotalSeconds * 100;
        }
        finally
        {
            Run("tmux", ["-S", socket, "kill-server"]);
            File.Delete(socket);
        }
    }

    // /proc/PID/stat: fields 14 and 15 (utime, stime, in clock ticks) after the command name in parentheses.
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string Require(string? output, string what) => output ?? throw new InvalidOperationException($"tmux {what} failed");

    private static string? Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("NO_COLOR");
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
