using System.Globalization;
using MeshNode.Tui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// Draws the whole frame, exactly width x height cells: the status line on top, the input line at
/// the bottom, and between them the panes. From 64 columns the peers and topology panes stack in a
/// left column and chat takes the right; narrower, all three stack with chat last. The left column
/// is a list of panes, so later panes (transfers, calls) join it without a new layout. Below 40x12
/// the frame only says the terminal is too small. Colour is left to the console written to.
/// </summary>
internal static class TuiRenderer
{
    /// <summary>Narrowest terminal the panes are drawn in.</summary>
    public const int MinWidth = 40;

    /// <summary>Shortest terminal the panes are drawn in.</summary>
    public const int MinHeight = 12;

    /// <summary>Width from which the side column sits left of the chat instead of above it.</summary>
    public const int SideBySideWidth = 64;

    /// <summary>
    /// The frame for <paramref name="model"/>'s current node. Also tells the model the pane heights
    /// it drew (the page size of PageUp/PageDown), which does not change its version.
    /// </summary>
    public static IRenderable Render(TuiModel model, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(model);
        width = Math.Max(0, width);
        height = Math.Max(0, height);
        if (width < MinWidth || height < MinHeight)
        {
            return TooSmall(width, height);
        }

        var rows = new List<Line>(height) { StatusBar.Render(model, width) };
        var body = height - 2;
        if (model.HelpVisible)
        {
            rows.AddRange(HelpPane.Render(width, body));
        }
        else if (width >= SideBySideWidth)
        {
            rows.AddRange(SideBySide(model, width, body));
        }
        else
        {
            rows.AddRange(Stacked(model, width, body));
        }

        rows.Add(InputBar.Render(model, width));
        return new FrameRenderable(rows, width);
    }

    private static List<Line> SideBySide(TuiModel model, int width, int body)
    {
        var node = model.CurrentNode;
        var left = Math.Clamp(width * 34 / 100, 28, 44);
        var chatWidth = width - left - 1;
        var peersHeight = Math.Clamp(node.Peers.Peers.Count + 1, 3, Math.Max(3, body / 2));
        var topologyHeight = body - peersHeight;
        var side = PeersPane.Render(node, model.Focus == Pane.Peers, left, peersHeight);
        side.AddRange(TopologyPane.Render(node, model.Focus == Pane.Topology, left, topologyHeight));
        var chat = ChatPane.Render(node, model.TimeZone, model.Today, model.Focus == Pane.Chat, chatWidth, body);
        model.NoteLayout(body - 1, peersHeight - 1, topologyHeight - 1);

        var rows = new List<Line>(body);
        for (var r = 0; r < body; r++)
        {
            var row = new Line(width);
            row.Append(side[r]);
            row.Append(r == 0 ? "\u252c" : "\u2502", Theme.Header);
            row.Append(chat[r]);
            rows.Add(row.Fill());
        }

        return rows;
    }

    private static List<Line> Stacked(TuiModel model, int width, int body)
    {
        var node = model.CurrentNode;
        var peersHeight = Math.Clamp(node.Peers.Peers.Count + 1, 2, Math.Max(2, body / 4));
        var topologyHeight = Math.Clamp(node.Topology.Rows.Count + 1, 2, Math.Max(2, body / 4));
        var chatHeight = body - peersHeight - topologyHeight;
        var rows = PeersPane.Render(node, model.Focus == Pane.Peers, width, peersHeight);
        rows.AddRange(TopologyPane.Render(node, model.Focus == Pane.Topology, width, topologyHeight));
        rows.AddRange(ChatPane.Render(node, model.TimeZone, model.Today, model.Focus == Pane.Chat, width, chatHeight));
        model.NoteLayout(chatHeight - 1, peersHeight - 1, topologyHeight - 1);
        return rows;
    }

    private static FrameRenderable TooSmall(int width, int height)
    {
        var rows = new List<Line>(height);
        for (var r = 0; r < height; r++)
        {
            var line = new Line(width);
            if (r == 0)
            {
                line.Append(string.Create(CultureInfo.InvariantCulture, $"Terminal too small ({width}x{height}): need {MinWidth}x{MinHeight}."), Style.Plain);
            }

            rows.Add(line.Fill());
        }

        return new FrameRenderable(rows, width);
    }
}
