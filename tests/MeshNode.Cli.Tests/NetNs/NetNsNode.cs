using System.Diagnostics;
using System.Globalization;
using System.Text;
using MeshNode.Core.Tests.NetNs;

namespace MeshNode.Cli.Tests.NetNs;

/// <summary>
/// The built <c>meshnode</c> program running headless inside one namespace of a
/// <see cref="NetNsLab"/>: its JSON events collected for waiting on, slash commands written to it.
/// </summary>
internal sealed class NetNsNode : IAsyncDisposable
{
    /// <summary>The port every node listens on (namespaces do not share ports).</summary>
    public const int Port = 9999;

    /// <summary>The discovery port every node broadcasts to and listens on.</summary>
    public const int DiscoveryPort = 10000;

    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Task _pump;
    private readonly Task _errorPump;

    private NetNsNode(NetNsHost host, string name, Process process)
    {
        Host = host;
        Name = name;
        _process = process;
        _pump = PumpOutputAsync();
        _errorPump = PumpErrorsAsync();
    }

    public NetNsHost Host { get; }

    public string Name { get; }

    public LineCapture Output { get; } = new();

    /// <summary>Starts <c>dotnet meshnode.dll run --headless --ephemeral</c> in the host's namespace, discovery on.</summary>
    public static NetNsNode Start(NetNsLab lab, NetNsHost host, string name)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(host);
        var process = lab.StartIn(
            host,
            NetNsEnvironment.FindTool("dotnet") ?? "dotnet",
            typeof(CliApplication).Assembly.Location,
            "run",
            "--headless",
            "--ephemeral",
            "--name",
            name,
            "--port",
            Port.ToString(CultureInfo.InvariantCulture),
            "--discovery-port",
            DiscoveryPort.ToString(CultureInfo.InvariantCulture));
        return new NetNsNode(host, name, process);
    }

    /// <summary>Writes one slash command line to the node.</summary>
    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for an event named <paramref name="name"/> matching <paramref name="match"/>.</summary>
    public async Task<System.Text.Json.JsonElement> WaitForAsync(string name, Func<System.Text.Json.JsonElement, bool> match, TimeSpan timeout, string what)
    {
        try
        {
            return await Output.WaitForEventAsync(e => e.GetProperty("event").GetString() == name && match(e), timeout, $"{what} on {Name}");
        }
        catch (TimeoutException ex)
        {
            string errors;
            lock (_errors)
            {
                errors = _errors.ToString();
            }

            throw new TimeoutException($"{ex.Message}\nstderr of {Name}:\n{errors}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await Task.WhenAll(_pump, _errorPump).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task PumpOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{'))
            {
                Output.WriteLine(line);
            }
            else
            {
                lock (_errors)
                {
                    _errors.AppendLine(CultureInfo.InvariantCulture, $"(stdout) {line}");
                }
            }
        }
    }

    private async Task PumpErrorsAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_errors)
            {
                _errors.AppendLine(line);
            }
        }
    }
}
