using Spectre.Console;
using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Renders anything Spectre can draw to a string, through an <see cref="IAnsiConsole"/> on a
/// <see cref="StringWriter"/> with a fixed width and height: plain text when <c>color</c> is false
/// (no escape sequences at all: snapshots), ANSI with true colour and hyperlinks when true.
/// </summary>
internal static class FrameText
{
    /// <summary>Renders <paramref name="r"/> at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static string Render(IRenderable r, int width, int height, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Math.Max(1, width);
        console.Profile.Height = Math.Max(1, height);
        console.Profile.Capabilities.Unicode = true;
        console.Profile.Capabilities.Links = color;
        console.Write(r);
        return writer.ToString();
    }
}
