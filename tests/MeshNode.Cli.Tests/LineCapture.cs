using System.Text;
using System.Text.Json;

namespace MeshNode.Cli.Tests;

/// <summary>Standard output for in-process runs: collects lines and lets a test wait for one that matches.</summary>
internal sealed class LineCapture : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public override void Write(char value)
    {
        TaskCompletionSource? signal = null;
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Add(_partial.ToString());
                _partial.Clear();
                signal = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else
            {
                _partial.Append(value);
            }
        }

        signal?.TrySetResult();
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    /// <summary>Waits for a JSON event line matching <paramref name="match"/> (earlier lines count too).</summary>
    public async Task<JsonElement> WaitForEventAsync(Func<JsonElement, bool> match, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            Task signal;
            List<string> fresh;
            lock (_gate)
            {
                fresh = _lines.Skip(seen).ToList();
                seen = _lines.Count;
                signal = _changed.Task;
            }

            foreach (var line in fresh)
            {
                using var doc = JsonDocument.Parse(line);
                if (match(doc.RootElement))
                {
                    return doc.RootElement.Clone();
                }
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {what} within {timeout}; output was:\n{string.Join('\n', Lines)}");
            }
        }
    }

    /// <summary>Counts events matching <paramref name="match"/> so far.</summary>
    public int Count(Func<JsonElement, bool> match) =>
        Lines.Count(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return match(doc.RootElement);
        });
}
