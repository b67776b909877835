using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using MeshNode.Tui.Rendering;
using Spectre.Console.Rendering;

namespace MeshNode.Benchmarks.Tui;

/// <summary>
/// One full terminal UI frame (issue 6: target under 5 ms) with 50 peers, a 50-node topology and
/// 1,000 chat lines in the active tab, laid out and rendered to a string. Baseline: the same frame
/// already laid out, only written through Spectre to a string, so the ratio is the price of the
/// layout (tree, peers, chat window, wrapping) on top of output. A short job run in process: on
/// this shared 2-core machine the generated project's build alone can pass BenchmarkDotNet's
/// two-minute build timeout, and an in-process run measures the same code.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class RenderBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private TuiModel _model = null!;
    private IRenderable _prepared = null!;

    [Params("120x40", "80x24")]
    public string Size { get; set; } = "120x40";

    private int Width => int.Parse(Size.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);

    private int Height => int.Parse(Size.Split('x')[1], System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        _model = BuildModel();
        _prepared = TuiRenderer.Render(_model, Width, Height);
    }

    [Benchmark(Baseline = true)]
    public string Write_prepared_frame() => FrameText.Render(_prepared, Width, Height);

    [Benchmark]
    public string Render_frame() => FrameText.Render(TuiRenderer.Render(_model, Width, Height), Width, Height);

    [Benchmark]
    public string Render_frame_in_colour() => FrameText.Render(TuiRenderer.Render(_model, Width, Height), Width, Height, color: true);

    private static string Id(int i) => $"{i + 1:x4}5e7a1c0d9b3f";

    private static TuiModel BuildModel()
    {
        var time = new FixedTime(Start);
        var model = new TuiModel([new TuiNodeInfo(Id(0), "node0", "ABCD EFGH JKLM NPQR STUV WXYZ 2345 6789", 41000)], time,
            new TuiModelOptions { TimeZone = TimeZoneInfo.Utc });
        model.Apply(0, new NodeStarted(Start, Id(0), "node0", 41000, "ABCD EFGH JKLM NPQR STUV WXYZ 2345 6789", "passphrase"));

        // A random connected graph of 50 nodes, degree about 4 (fixed seed).
        var random = new Random(42);
        var edges = new HashSet<(int, int)>();
        for (var i = 1; i < 50; i++)
        {
            edges.Add((random.Next(i), i));
        }

        while (edges.Count < 100)
        {
            var a = random.Next(50);
            var b = random.Next(50);
            if (a != b)
            {
                edges.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        var nodes = Enumerable.Range(0, 50).Select(i => new TopologyNodeView(Id(i), $"node{i}", 1 + (i % 5), null)).ToArray();
        model.ApplyTopology(0, new TopologyView(Id(0), nodes,
            edges.Select(e => new TopologyEdgeView(Id(e.Item1), Id(e.Item2), TimeSpan.FromMilliseconds(1 + random.Next(30)))).ToArray()));
        model.ApplyPeers(0, Enumerable.Range(1, 50)
            .Select(i => new PeerView(Id(i), $"node{i}", "ABCD EFGH", 1 + (i % 5), TimeSpan.FromMilliseconds(i), true, i % 5 == 0, "pinned", Start))
            .ToArray());
        model.ApplyStatus(0, new NodeStatusView("passphrase", 10, 50, 0));
        string[] security = ["link", "network", "e2e"];
        for (var i = 0; i < 1000; i++)
        {
            var text = i % 7 == 0
                ? $"message {i} with a link https://example.org/page/{i} and some more words to wrap across the pane"
                : $"message {i}: short and sweet";
            model.Apply(0, new ChatReceived(Start.AddSeconds(i), $"m{i}", Id(1 + (i % 49)), $"node{1 + (i % 49)}", text, "all", security[i % 3], 1 + (i % 4), Start, false));
        }

        return model;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
