using Spectre.Console;
using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Renders anything Spectre can draw to a string, through an <see cref="IAnsiConsole"/> on a
/// <see cref="StringWriter"/> with a fixed width and height. <c>color</c> false and <c>ansi</c>
/// unset: plain text without a single escape sequence (snapshots, pipes). <c>color</c> true: ANSI
/// with true colour and hyperlinks. <c>color</c> false with <c>ansi</c> true is what a terminal
/// with NO_COLOR gets: bold, underline, the inverted cursor and selection, and hyperlinks, but no
/// colour.
/// </summary>
internal static class FrameText
{
    /// <summary>Renders <paramref name="r"/> at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static string Render(IRenderable r, int width, int height, bool color = false, bool? ansi = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var escapes = ansi ?? color;
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = escapes ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Math.Max(1, width);
        console.Profile.Height = Math.Max(1, height);
        console.Profile.Capabilities.Unicode = true;
        console.Profile.Capabilities.Links = escapes;
        console.Write(r);
        return writer.ToString();
    }
}
