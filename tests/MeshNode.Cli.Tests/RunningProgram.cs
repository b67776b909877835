namespace MeshNode.Cli.Tests;

/// <summary>The real entry point running in process, with its input and output in the test's hands.</summary>
internal sealed class RunningProgram : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningProgram(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var console = new CliConsole(Output, Errors, Input, environment ?? new Dictionary<string, string>());
        Exit = Task.Run(() => CliApplication.RunAsync(args, console, _stop.Token));
    }

    public ChannelTextReader Input { get; } = new();

    public LineCapture Output { get; } = new();

    public StringWriter Errors { get; } = new();

    public Task<int> Exit { get; }

    public static RunningProgram Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null) => new(args, environment);

    /// <summary>Sends /quit and waits for the exit code.</summary>
    public async Task<int> QuitAsync()
    {
        Input.WriteLine("/quit");
        return await Exit.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            Input.EndInput();
            await _stop.CancelAsync();
            try
            {
                await Exit.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                // Reported by the test that failed; nothing more to do here.
            }
        }

        _stop.Dispose();
    }
}
