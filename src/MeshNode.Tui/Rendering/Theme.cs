using MeshNode.Tui.Model;
using Spectre.Console;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Styles of the UI. Colour only reinforces what the marks already say: a console without colour
/// (NO_COLOR) drops them and loses nothing but emphasis.
/// </summary>
internal static class Theme
{
    /// <summary>The status line.</summary>
    public static readonly Style Status = new(Color.Black, Color.Silver);

    /// <summary>A pane header without focus.</summary>
    public static readonly Style Header = new(Color.Grey);

    /// <summary>The focused pane's header.</summary>
    public static readonly Style FocusedHeader = new(Color.Aqua, decoration: Decoration.Bold);

    /// <summary>Secondary text: times, hops, RTTs, hints.</summary>
    public static readonly Style Dim = new(Color.Grey);

    /// <summary>Emphasis: own name, selected rows.</summary>
    public static readonly Style Strong = new(decoration: Decoration.Bold);

    /// <summary>The selected row of a focused list.</summary>
    public static readonly Style Selection = new(decoration: Decoration.Invert);

    /// <summary>The active chat tab.</summary>
    public static readonly Style ActiveTab = new(Color.Aqua, decoration: Decoration.Bold | Decoration.Underline);

    /// <summary>Unread counts.</summary>
    public static readonly Style Unread = new(Color.Yellow, decoration: Decoration.Bold);

    /// <summary>A changed key: loud until trusted.</summary>
    public static readonly Style Danger = new(Color.White, Color.Maroon, Decoration.Bold);

    /// <summary>Errors.</summary>
    public static readonly Style Error = new(Color.Red, decoration: Decoration.Bold);

    /// <summary>Warnings.</summary>
    public static readonly Style Warning = new(Color.Yellow);

    /// <summary>Informational notices (command replies).</summary>
    public static readonly Style Info = new(Color.Teal);

    /// <summary>Something good: e2e, delivered, a link that appeared.</summary>
    public static readonly Style Good = new(Color.Green);

    /// <summary>A link that vanished.</summary>
    public static readonly Style Lost = new(Color.Red);

    /// <summary>The cursor cell of the input line.</summary>
    public static readonly Style Cursor = new(decoration: Decoration.Invert);

    /// <summary>Peer names in chat: own messages.</summary>
    public static readonly Style Own = new(Color.Aqua, decoration: Decoration.Bold);

    /// <summary>Peer names in chat: others.</summary>
    public static readonly Style Sender = new(Color.Silver, decoration: Decoration.Bold);

    /// <summary>The style of a security mark.</summary>
    public static Style Of(SecurityLevel level) => level switch
    {
        SecurityLevel.EndToEnd => Good,
        SecurityLevel.Network => new Style(Color.Blue),
        SecurityLevel.Link => Warning,
        _ => Error,
    };

    /// <summary>A hyperlink (OSC 8 where the console supports links).</summary>
    public static Style Link(string url) => new(Color.Blue, decoration: Decoration.Underline, link: url);
}
