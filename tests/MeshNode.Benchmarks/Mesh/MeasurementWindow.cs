namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// A measurement window that the scenario awaits: a one-shot <see cref="TimeProvider"/> timer whose
/// firing completes a task. Used where a scenario measures over a span of time on purpose (an idle
/// rate, memory after a settle time), never to wait for something to happen: that is awaited on
/// the node's events.
/// </summary>
internal static class MeasurementWindow
{
    /// <summary>Completes when <paramref name="length"/> has passed on <paramref name="time"/> (the system clock by default).</summary>
    public static async Task ElapseAsync(TimeSpan length, TimeProvider? time = null)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var timer = (time ?? TimeProvider.System).CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), fired, length, Timeout.InfiniteTimeSpan);
        await fired.Task.ConfigureAwait(false);
    }

    /// <summary>Calls <paramref name="sample"/> every <paramref name="period"/> until it returns true or <paramref name="limit"/> samples were taken.</summary>
    public static async Task SampleAsync(TimeSpan period, int limit, Func<bool> sample, TimeProvider? time = null)
    {
        using var ticks = new PeriodicTimer(period, time ?? TimeProvider.System);
        for (var i = 0; i < limit && await ticks.WaitForNextTickAsync().ConfigureAwait(false); i++)
        {
            if (sample())
            {
                return;
            }
        }
    }
}
