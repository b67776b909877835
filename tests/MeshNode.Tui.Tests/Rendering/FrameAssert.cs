using MeshNode.Tui.Rendering;

namespace MeshNode.Tui.Tests.Rendering;

internal static class FrameAssert
{
    /// <summary>Exactly <paramref name="height"/> rows of exactly <paramref name="width"/> cells, and no escape or control character.</summary>
    public static void ExactSize(string frame, int width, int height)
    {
        var rows = frame.Split('\n');
        Assert.Equal(height, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(CellWidth.Of(rows[i]) == width, $"row {i} is {CellWidth.Of(rows[i])} cells, not {width}: '{rows[i]}'");
            Assert.DoesNotContain(rows[i], c => char.IsControl(c));
        }
    }
}
