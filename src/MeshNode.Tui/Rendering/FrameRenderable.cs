using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>A finished frame: rows of exactly the frame width, joined by line breaks (none after the last row).</summary>
internal sealed class FrameRenderable : IRenderable
{
    private readonly IReadOnlyList<Line> _rows;
    private readonly int _width;

    /// <summary>Wraps rows that are already exactly <paramref name="width"/> cells.</summary>
    public FrameRenderable(IReadOnlyList<Line> rows, int width)
    {
        _rows = rows;
        _width = width;
    }

    /// <inheritdoc />
    public Measurement Measure(RenderOptions options, int maxWidth) => new(_width, _width);

    /// <inheritdoc />
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            if (i > 0)
            {
                yield return Segment.LineBreak;
            }

            foreach (var segment in _rows[i].Segments)
            {
                yield return segment;
            }
        }
    }
}
