using MeshNode.Testing;
using MeshNode.Tui.Rendering;

namespace MeshNode.Tui.Tests.Rendering;

/// <summary>
/// Plain-text snapshots of whole frames, compared exactly. Set MESHNODE_UPDATE_SNAPSHOTS=1 to
/// rewrite them after a deliberate change, then read the diff before committing it.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly (int Width, int Height)[] Sizes = [(80, 24), (120, 40), (40, 12)];

    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in Scenarios.Names)
        {
            foreach (var (width, height) in Sizes)
            {
                data.Add(name, width, height);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frame_matches_its_snapshot(string scenario, int width, int height)
    {
        var text = FrameText.Render(TuiRenderer.Render(Scenarios.Build(scenario), width, height), width, height);

        FrameAssert.ExactSize(text, width, height);
        Snapshot.Match($"{scenario}-{width}x{height}", text);
    }

    [Fact]
    public void A_terminal_below_40x12_gets_a_too_small_line_at_its_exact_size()
    {
        var text = FrameText.Render(TuiRenderer.Render(Scenarios.FiveNodeLine(), 30, 8), 30, 8);

        FrameAssert.ExactSize(text, 30, 8);
        Assert.StartsWith("Terminal too small (30x8)", text, StringComparison.Ordinal);
        Snapshot.Match("too-small-30x8", text);
    }

    private static class Snapshot
    {
        public static void Match(string name, string actual)
        {
            var path = Path.Combine(TestPaths.RepoRoot, "tests", "MeshNode.Tui.Tests", "Rendering", "Snapshots", name + ".txt");
            var content = actual + "\n";
            if (Environment.GetEnvironmentVariable("MESHNODE_UPDATE_SNAPSHOTS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
                return;
            }

            Assert.True(File.Exists(path), $"Snapshot {path} is missing: run the tests with MESHNODE_UPDATE_SNAPSHOTS=1 and review it.");
            Assert.Equal(File.ReadAllText(path), content);
        }
    }
}
