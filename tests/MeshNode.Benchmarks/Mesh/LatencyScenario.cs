using System.Diagnostics;
using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Chat latency end to end across a 10-node line (9 hops), beside raw loopback TCP relaying the
/// same number of bytes hop by hop. A 2-node line (1 hop) measured the same way gives the cost of
/// one relay hop ((10-node - 2-node) / 8), and the envelope's sign and verify are timed alone, so
/// the hop's cost splits into signature check and everything else (actor hand-offs, copies,
/// Noise, the write loop).
/// </summary>
internal static class LatencyScenario
{
    private const int Nodes = 10;
    private const int Warmup = 30;
    private const int Samples = 300;
    private const int BaselineBytes = 300;

    public static async Task RunAsync()
    {
        var (mesh, converged, hops) = await MeasureLineAsync(Nodes);
        var (one, _, _) = await MeasureLineAsync(2);
        var raw = await MeasureRawAsync();
        var (sign, verify) = MeasureSignatures();
        var median = Quantile(mesh, 0.5);
        var perHop = (median - Quantile(one, 0.5)) / (Nodes - 2);
        Print(
            $"Chat latency across a {Nodes}-node line ({Nodes - 1} hops, loopback TCP, {Samples} messages after {Warmup} warm-up, one at a time)",
            ["Path", "median ms", "p99 ms", "max ms", "target", "verdict"],
            [
                ["MeshNode SendToAllAsync -> ChatReceived at the far end", F(median, 3), F(Quantile(mesh, 0.99), 3), F(mesh[^1], 3), "median < 5 ms", Met(median < 5)],
                ["MeshNode, 2-node line (1 hop), same method", F(Quantile(one, 0.5), 3), F(Quantile(one, 0.99), 3), F(one[^1], 3), "", ""],
                [$"Baseline: raw TCP relays copying {BaselineBytes} bytes hop by hop", F(Quantile(raw, 0.5), 3), F(Quantile(raw, 0.99), 3), F(raw[^1], 3), "", ""],
            ]);
        Console.WriteLine($"One relay hop costs {F(perHop, 3)} ms at the median ((10-node - 2-node) / 8), of which the envelope verify is {F(verify, 3)} ms (sign at the origin {F(sign, 3)} ms; median of 200 each, this process).");
        Console.WriteLine($"Hops reported by the last message: {hops}; line start to full topology convergence (static peers): {F(converged.TotalSeconds)} s; mesh.router.hop-limit = {ScenarioCluster.BaseSettings.Settings.Router.HopLimit}.");
    }

    private static async Task<(List<double> Samples, TimeSpan Converged, int? Hops)> MeasureLineAsync(int nodes)
    {
        await using var cluster = new ScenarioCluster(inMemory: false);
        var started = Stopwatch.StartNew();
        await cluster.StartGraphAsync(nodes, ScenarioCluster.Line(nodes));
        await cluster.WaitConvergedAsync();
        var converged = started.Elapsed;

        var head = cluster[0];
        var tail = cluster[nodes - 1];
        var samples = new List<double>();
        ChatReceived? last = null;
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var text = $"latency {i}";
            var arrived = tail.WaitForAsync(e => e is ChatReceived c && c.Text == text, ScenarioCluster.Timeout);
            var clock = Stopwatch.StartNew();
            await head.Node.SendToAllAsync(text);
            last = (ChatReceived)await arrived;
            if (i >= Warmup)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        return (samples, converged, last?.Hops);
    }

    /// <summary>Median milliseconds to sign and to verify a chat envelope like the scenario's.</summary>
    private static (double Sign, double Verify) MeasureSignatures()
    {
        using var identity = NodeIdentity.Generate(SystemRandomSource.Instance);
        var (type, body) = BodyCodec.Encode(new ChatBody("latency 123", 1, ChatScope.All));
        var draft = new EnvelopeDraft(null, type, EnvelopeProtection.Link, body, 16);
        var signs = new List<double>();
        var verifies = new List<double>();
        for (var i = 0; i < 250; i++)
        {
            var clock = Stopwatch.StartNew();
            var envelope = EnvelopeCodec.Create(identity, draft, TimeProvider.System, SystemRandomSource.Instance, EnvelopeLimits.Default);
            var signed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            _ = EnvelopeCodec.Verify(envelope.Encoded, EnvelopeLimits.Default);
            if (i >= 50)
            {
                signs.Add(signed);
                verifies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        signs.Sort();
        verifies.Sort();
        return (Quantile(signs, 0.5), Quantile(verifies, 0.5));
    }

    private static async Task<List<double>> MeasureRawAsync()
    {
        await using var line = await RawTcpLine.StartAsync(Nodes);
        var message = new byte[BaselineBytes];
        var received = new byte[BaselineBytes];
        var samples = new List<double>();
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await line.Head.WriteAsync(message);
            await line.Tail.ReadExactlyAsync(received);
            if (i >= Warmup)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        return samples;
    }
}
