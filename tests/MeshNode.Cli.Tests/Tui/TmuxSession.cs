using System.Diagnostics;
using System.Text;

namespace MeshNode.Cli.Tests.Tui;

/// <summary>
/// The built <c>meshnode</c> running in a detached tmux session of a fixed size, on a tmux server
/// of its own (a unique socket in the test's temp folder, no user configuration), killed on dispose. The screen is read
/// with capture-pane; waits wake up when the pane writes output (pipe-pane into a watched file),
/// never on a fixed sleep.
/// </summary>
internal sealed class TmuxSession : IAsyncDisposable
{
    private const string Session = "meshnode";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

    private readonly string _socket;
    private readonly string _folder;
    private readonly SemaphoreSlim _output = new(0);
    private readonly FileSystemWatcher _watcher;
    private readonly Process _exitWaiter;
    private readonly int _serverPid;

    private TmuxSession(string socket, string folder, FileSystemWatcher watcher, Process exitWaiter, int serverPid)
    {
        _socket = socket;
        _folder = folder;
        _watcher = watcher;
        _exitWaiter = exitWaiter;
        _serverPid = serverPid;
        _watcher.Changed += (_, _) => _output.Release();
        _watcher.Created += (_, _) => _output.Release();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The tmux executable on PATH, or null.</summary>
    public static string? Executable { get; } = FindOnPath("tmux");

    /// <summary>Starts <c>dotnet meshnode.dll ARGS</c> in a new session of <paramref name="width"/> x <paramref name="height"/>.</summary>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="args">The program's arguments.</param>
    /// <param name="environment">Extra variables for the session (e.g. NO_COLOR).</param>
    /// <param name="holdAfterExit">Keep the pane (and the screen the program left) after it exits, until <see cref="ReleaseAsync"/>.</param>
    public static async Task<TmuxSession> StartAsync(int width, int height, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, bool holdAfterExit = false)
    {
        var folder = Directory.CreateTempSubdirectory("meshnode-tmux-").FullName;

        // A socket of its own inside the test's folder: its own server, gone with the folder.
        var socket = Path.Combine(folder, "tmux.sock");
        var log = Path.Combine(folder, "pane.log");
        File.WriteAllText(log, string.Empty);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var program = string.Join(' ', new[] { dotnet, typeof(CliApplication).Assembly.Location }.Concat(args).Select(Quote));

        // The pane records the exit code, then wakes the test's wait-for, then ends (and so does the session).
        var command = $"echo started in tmux; {program}; echo $? > {Quote(Path.Combine(folder, "exit"))}; {Quote(Executable!)} -S {Quote(socket)} wait-for -S exited";
        if (holdAfterExit)
        {
            command += $"; echo program exited; {Quote(Executable!)} -S {Quote(socket)} wait-for release";
        }

        var newSession = new List<string> { "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", Session, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            newSession.Add("-e");
            newSession.Add($"{key}={value}");
        }

        newSession.Add(command);
        await RunAsync(newSession);
        var watcher = new FileSystemWatcher(folder, "pane.log") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size };
        await RunAsync(["-S", socket, "pipe-pane", "-t", Session, "-o", "cat >> " + Quote(log)]);
        var pid = int.Parse((await RunAsync(["-S", socket, "display-message", "-p", "-t", Session, "#{pid}"])).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var waiter = Start(["-S", socket, "wait-for", "exited"]);
        return new TmuxSession(socket, folder, watcher, waiter, pid);
    }

    /// <summary>The screen as text, one line per row (trailing blanks trimmed by tmux).</summary>
    /// <param name="escapes">Keep colour and attribute escapes (capture-pane -e).</param>
    public Task<string> CaptureAsync(bool escapes = false) =>
        RunAsync(escapes ? ["-S", _socket, "capture-pane", "-p", "-e", "-t", Session] : ["-S", _socket, "capture-pane", "-p", "-J", "-t", Session]);

    /// <summary>Types text literally, then Enter.</summary>
    public async Task TypeLineAsync(string text)
    {
        if (text.Length > 0)
        {
            await RunAsync(["-S", _socket, "send-keys", "-t", Session, "-l", text]);
        }

        await RunAsync(["-S", _socket, "send-keys", "-t", Session, "Enter"]);
    }

    /// <summary>Re-reads the screen each time the pane writes, until <paramref name="predicate"/> holds or the timeout passes.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screen = await CaptureAsync();
            if (predicate(screen))
            {
                return screen;
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !await _output.WaitAsync(left))
            {
                throw new TimeoutException($"the screen did not show {what} within {timeout.TotalSeconds} s; it shows:\n{await CaptureAsync()}");
            }
        }
    }

    /// <summary>Presses one key by its tmux name (C-c, Escape, F1...).</summary>
    public Task PressAsync(string key) => RunAsync(["-S", _socket, "send-keys", "-t", Session, key]);

    /// <summary>A tmux format about the pane, e.g. <c>#{alternate_on}</c> or <c>#{cursor_flag}</c>.</summary>
    public async Task<string> DisplayAsync(string format) => (await RunAsync(["-S", _socket, "display-message", "-p", "-t", Session, format])).Trim();

    /// <summary>Waits for the program to exit; with holdAfterExit the pane stays until <see cref="ReleaseAsync"/>.</summary>
    public async Task<int> WaitForProgramExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _exitWaiter.WaitForExitAsync(cancel.Token);
        return int.Parse((await File.ReadAllTextAsync(Path.Combine(_folder, "exit"), cancel.Token)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Lets a held pane end.</summary>
    public Task ReleaseAsync() => RunAsync(["-S", _socket, "wait-for", "-S", "release"]);

    /// <summary>Waits for the program to exit and the session (and its tmux server) to end; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _exitWaiter.WaitForExitAsync(cancel.Token);
        var code = int.Parse((await File.ReadAllTextAsync(Path.Combine(_folder, "exit"), cancel.Token)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using var server = Process.GetProcessById(_serverPid);
            await server.WaitForExitAsync(cancel.Token);
        }
        catch (ArgumentException)
        {
            // The server has already exited.
        }

        return code;
    }

    /// <summary>Whether tmux still knows the session.</summary>
    public async Task<bool> SessionExistsAsync()
    {
        using var process = Start(["-S", _socket, "has-session", "-t", Session]);
        await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        return process.ExitCode == 0;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        try
        {
            using var kill = Start(["-S", _socket, "kill-server"]);
            await kill.WaitForExitAsync().WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            // Nothing more to do; the temp folder still goes.
        }

        if (!_exitWaiter.HasExited)
        {
            _exitWaiter.Kill();
        }

        _exitWaiter.Dispose();
        _output.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying pane; the system's temp cleaning takes it.
        }
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static Process Start(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The tmux server inherits this environment: no settings or passphrase of the developer's own.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MESHNODE", StringComparison.Ordinal) || k == "NO_COLOR" || k == "TMUX").ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["LANG"] = "C.UTF-8";
        return Process.Start(info) ?? throw new InvalidOperationException("tmux did not start");
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
