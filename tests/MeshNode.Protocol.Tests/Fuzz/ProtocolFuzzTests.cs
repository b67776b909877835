using System.Diagnostics;
using Xunit.Abstractions;

namespace MeshNode.Protocol.Tests.Fuzz;

/// <summary>
/// Random bytes and mutations of valid frames, envelopes, announces, Fernet tokens and bodies fed
/// to every public decoder: only <see cref="ProtocolViolationException"/> may escape, each input's
/// allocations stay bounded, and no input runs away. A short pass runs in CI; set
/// MESHNODE_FUZZ_LONG=1 for 1,000,000 inputs (MESHNODE_FUZZ_SEED picks another seed).
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const int ShortRun = 50_000;
    private const int LongRun = 1_000_000;
    private const long MaxAllocatedBytesPerInput = 4 * 1024 * 1024;

    // A hang detector, not a speed target: the slowest legitimate input takes milliseconds.
    private static readonly TimeSpan RunawayInput = TimeSpan.FromSeconds(10);

    [Fact]
    public void Decoders_throw_only_protocol_violations_on_mutated_input()
    {
        var inputs = Environment.GetEnvironmentVariable("MESHNODE_FUZZ_LONG") == "1" ? LongRun : ShortRun;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MESHNODE_FUZZ_SEED"), out var s) ? s : 20261121;
        var report = Run(seed, inputs);

        output.WriteLine($"seed {seed}, {report.Inputs:N0} inputs, {report.Elapsed.TotalSeconds:F1} s, " +
            $"slowest input {report.SlowestInput.TotalMilliseconds:F1} ms, most allocated by one input {report.MaxAllocated:N0} bytes");
        foreach (var (name, accepted, refused) in report.PerTarget)
        {
            output.WriteLine($"  {name}: {accepted:N0} accepted, {refused:N0} refused");
        }

        Assert.Empty(report.Failures);
        Assert.True(report.MaxAllocated <= MaxAllocatedBytesPerInput, $"An input allocated {report.MaxAllocated:N0} bytes.");
        Assert.True(report.SlowestInput < RunawayInput, $"An input ran for {report.SlowestInput}.");

        // The mutations must reach past the first checks: some inputs of every deep decoder decode.
        Assert.All(report.PerTarget.Where(t => t.Name is not "framer-single"), t => Assert.True(t.Accepted > 0, t.Name));
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs()
    {
        var a = new Mutator(7);
        var b = new Mutator(7);
        using var corpus = new FuzzCorpus(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.Next(corpus.Envelopes, corpus.All), b.Next(corpus.Envelopes, corpus.All));
        }
    }

    internal static FuzzReport Run(int seed, int inputs)
    {
        using var corpus = new FuzzCorpus(seed);
        var mutator = new Mutator(seed);
        var targets = FuzzTargets.All;
        var samples = targets.Select(t => t.Samples(corpus)).ToArray();
        var accepted = new long[targets.Count];
        var refused = new long[targets.Count];
        var failures = new List<string>();
        var maxAllocated = 0L;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        var clock = new Stopwatch();

        for (var i = 0; i < inputs; i++)
        {
            var index = i % targets.Count;
            var data = mutator.Next(samples[index], corpus.All);
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            try
            {
                if (targets[index].Run(corpus, data))
                {
                    accepted[index]++;
                }
                else
                {
                    refused[index]++;
                }
            }
            catch (ProtocolViolationException)
            {
                refused[index]++;
            }
            catch (Exception ex)
            {
                if (failures.Count < 20)
                {
                    failures.Add($"{targets[index].Name} input {i} ({Convert.ToHexString(data)}): {ex}");
                }
            }

            clock.Stop();
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            maxAllocated = Math.Max(maxAllocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        var perTarget = targets.Select((t, k) => (t.Name, accepted[k], refused[k])).ToArray();
        return new FuzzReport(inputs, total.Elapsed, slowest, maxAllocated, failures, perTarget);
    }

    internal sealed record FuzzReport(
        int Inputs,
        TimeSpan Elapsed,
        TimeSpan SlowestInput,
        long MaxAllocated,
        IReadOnlyList<string> Failures,
        IReadOnlyList<(string Name, long Accepted, long Refused)> PerTarget);
}
