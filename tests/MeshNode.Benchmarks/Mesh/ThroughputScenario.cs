using System.Diagnostics;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Sustained chat messages per second from a through relay r to b (a - r - b, loopback TCP), beside a raw TCP relay.</summary>
internal static class ThroughputScenario
{
    private const int Messages = 3000;
    private const int TextBytes = 100;
    private const int BaselineBytes = 300;

    public static async Task RunAsync()
    {
        var configured = await MeasureMeshAsync(null);
        var lifted = await MeasureMeshAsync(1_000_000);
        var raw = await MeasureRawAsync();
        Print(
            $"Sustained chat through one relay (a - r - b, loopback TCP, {Messages} broadcasts of {TextBytes} characters sent back to back)",
            ["Path", "msgs/s delivered at b", "delivered", "rate-limited (r and b)"],
            [
                [$"MeshNode, per-link-rate-limit = {ScenarioCluster.BaseSettings.Settings.Router.PerLinkRateLimit} (configured)", F(configured.Rate, 0), $"{configured.Delivered}/{Messages}", configured.RateLimited.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["MeshNode, per-link-rate-limit = 1000000 (lifted)", F(lifted.Rate, 0), $"{lifted.Delivered}/{Messages}", lifted.RateLimited.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                [$"Baseline: raw TCP relay copying {BaselineBytes}-byte messages", F(raw, 0), $"{Messages}/{Messages}", "0"],
            ]);
    }

    private static async Task<(double Rate, long Delivered, long RateLimited)> MeasureMeshAsync(int? rateLimit)
    {
        await using var cluster = new ScenarioCluster(inMemory: false);
        await cluster.StartGraphAsync(
            3,
            ScenarioCluster.Line(3),
            rateLimit is { } limit ? s => s with { Router = s.Router with { PerLinkRateLimit = limit } } : null);
        await cluster.WaitConvergedAsync();
        var (a, relay, b) = (cluster[0], cluster[1], cluster[2]);
        var limitedBefore = relay.Counters.RateLimited + b.Counters.RateLimited;
        var text = new string('x', TextBytes);
        var clock = Stopwatch.StartNew();
        long delivered = 0;
        long lastProgressTicks = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.OnChat = _ =>
        {
            Interlocked.Exchange(ref lastProgressTicks, clock.Elapsed.Ticks);
            if (Interlocked.Increment(ref delivered) == Messages)
            {
                all.TrySetResult();
            }
        };
        for (var i = 0; i < Messages; i++)
        {
            await a.Node.SendToAllAsync(text);
        }

        // Every message arrived, or nothing arrived for 3 s (the rate limit dropped the rest): a
        // timer armed for the rest of the quiet time after the latest delivery, re-armed on progress.
        var quiet = TimeSpan.FromSeconds(3);
        Interlocked.CompareExchange(ref lastProgressTicks, clock.Elapsed.Ticks, 0);
        while (!all.Task.IsCompleted)
        {
            var left = quiet - (clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref lastProgressTicks)));
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            await Task.WhenAny(all.Task, MeasurementWindow.ElapseAsync(left));
        }

        b.OnChat = null;
        var lastProgress = TimeSpan.FromTicks(Interlocked.Read(ref lastProgressTicks));
        var count = Interlocked.Read(ref delivered);
        return (count / lastProgress.TotalSeconds, count, relay.Counters.RateLimited + b.Counters.RateLimited - limitedBefore);
    }

    private static async Task<double> MeasureRawAsync()
    {
        await using var line = await RawTcpLine.StartAsync(3);
        var message = new byte[BaselineBytes];
        var clock = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            while (total < (long)Messages * BaselineBytes)
            {
                total += await line.Tail.ReadAsync(buffer);
            }
        });
        for (var i = 0; i < Messages; i++)
        {
            await line.Head.WriteAsync(message);
        }

        await reader;
        return Messages / clock.Elapsed.TotalSeconds;
    }
}
