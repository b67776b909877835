using System.Globalization;
using MeshNode.Tui.Model;
using Spectre.Console;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The chat pane: a tab strip (everyone first, then direct tabs, unread counts in parentheses, the
/// active tab in brackets), then the active tab's lines, newest at the bottom. Each message row is
/// "time security-mark flag sender: text"; notices are "time -- text" (info) or "!! " (warning,
/// error). Only the lines on screen are laid out, so a full tab costs no more than a short one.
/// </summary>
internal static class ChatPane
{
    // "HH:mm " + security mark + flag + " ": where message text continues on wrapped rows.
    private const int Indent = 9;

    /// <summary>Draws the pane (tab strip included) into exactly <paramref name="height"/> rows.</summary>
    public static List<Line> Render(NodeState node, TimeZoneInfo zone, DateOnly today, bool focused, int width, int height)
    {
        var rows = new List<Line>(height);
        if (height <= 0)
        {
            return rows;
        }

        rows.Add(TabStrip(node.Chat, focused, width));
        var body = height - 1;
        if (body <= 0)
        {
            return rows;
        }

        var tab = node.Chat.Active;
        if (tab.Lines.Count == 0)
        {
            var hint = tab.IsEveryone
                ? "No messages yet. Type to write to everyone; F1 or /help for help."
                : $"No messages with {tab.Title} yet. What you type here is sealed end to end.";
            foreach (var (start, length) in TextWrap.Rows(hint, width - 1, width - 1))
            {
                var row = new Line(width);
                row.Pad(1);
                row.Append(hint, start, length, Theme.Dim);
                rows.Add(row.Fill());
            }

            return PaneHeader.ToHeight(rows, width, height);
        }

        var offset = Math.Min(tab.ScrollOffset, tab.Lines.Count - 1);
        var textRows = offset > 0 ? body - 1 : body;
        var window = new List<Line>(textRows + 8);
        for (var i = tab.Lines.Count - 1 - offset; i >= 0 && window.Count < textRows; i--)
        {
            window.InsertRange(0, Block(tab, i, node, zone, today, width));
        }

        if (window.Count > textRows)
        {
            window.RemoveRange(0, window.Count - textRows);
        }
        else if (window.Count < textRows && offset > 0)
        {
            // Scrolled to the top: fill the page from the oldest line down rather than leave it blank.
            window.Clear();
            var last = -1;
            for (var i = 0; i < tab.Lines.Count && window.Count < textRows; i++)
            {
                window.AddRange(Block(tab, i, node, zone, today, width));
                last = i;
            }

            if (window.Count > textRows)
            {
                window.RemoveRange(textRows, window.Count - textRows);
            }

            offset = tab.Lines.Count - 1 - last;
        }

        for (var i = window.Count; i < textRows; i++)
        {
            rows.Add(PaneHeader.Blank(width));
        }

        rows.AddRange(window);
        if (offset > 0)
        {
            var more = new Line(width);
            more.Append($" \u2193 {offset} more below (PageDown, Esc for newest)", Theme.Unread);
            rows.Add(more.Fill());
        }

        return PaneHeader.ToHeight(rows, width, height);
    }

    // A line's rows, after a day rule when its local day differs from the line before it (or,
    // for the first line, from today), so history from other days never reads as today's.
    private static List<Line> Block(ChatTab tab, int i, NodeState node, TimeZoneInfo zone, DateOnly today, int width)
    {
        var rows = Format(tab.Lines[i], node, zone, width);
        var day = Day(tab.Lines[i].At, zone);
        if (day != (i > 0 ? Day(tab.Lines[i - 1].At, zone) : today))
        {
            var rule = new Line(width);
            rule.Append("\u2500\u2500 " + day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) + " ", Theme.Dim);
            rule.FillWith('\u2500', Theme.Dim);
            rows.Insert(0, rule);
        }

        return rows;
    }

    private static DateOnly Day(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The rows of one chat line at <paramref name="width"/> cells.</summary>
    public static List<Line> Format(ChatLine line, NodeState node, TimeZoneInfo zone, int width)
    {
        var first = new Line(width);
        var time = TimeZoneInfo.ConvertTime(line.At, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        first.Append(time + " ", Theme.Dim);
        var textStyle = Style.Plain;
        if (line.Kind == ChatLineKind.Notice)
        {
            var (mark, style) = line.Notice switch
            {
                NoticeKind.Error => ("!! ", Theme.Error),
                NoticeKind.Warning => ("!! ", Theme.Warning),
                _ => ("-- ", Theme.Info),
            };
            first.Append(mark, style);
            textStyle = style;
        }
        else
        {
            first.Append(Marks.Of(line.Security), Theme.Of(line.Security));
            if (line.Kind == ChatLineKind.Own)
            {
                first.Append(Marks.Of(line.Status), line.Status == OwnStatus.Delivered ? Theme.Good : line.Status == OwnStatus.Failed ? Theme.Error : Theme.Dim);
            }
            else
            {
                first.Append(line.FromChangedKey ? Marks.ChangedKey : " ", Theme.Danger);
            }

            first.Append(" ");
            var own = line.Kind == ChatLineKind.Own;
            var nameStyle = line.FromChangedKey ? Theme.Danger : own ? Theme.Own : Theme.Sender;
            first.Append(own ? node.Name : line.SenderName, nameStyle);
            first.Append(": ", own ? Theme.Own : Theme.Sender);
        }

        var rows = new List<Line> { first };
        var indent = width >= 30 ? Indent : 2;
        var paragraphs = line.Text.Split('\n');
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var text = paragraphs[p];
            var current = p == 0 ? first : Continuation(rows, width, indent);
            var urls = TextWrap.Urls(text);
            var ranges = TextWrap.Rows(text, current.Free, width - indent);
            for (var r = 0; r < ranges.Count; r++)
            {
                if (r > 0)
                {
                    current = Continuation(rows, width, indent);
                }

                AppendRange(current, text, ranges[r].Start, ranges[r].Length, urls, textStyle);
            }
        }

        foreach (var row in rows)
        {
            row.Fill();
        }

        return rows;
    }

    private static Line Continuation(List<Line> rows, int width, int indent)
    {
        var row = new Line(width);
        row.Pad(indent);
        rows.Add(row);
        return row;
    }

    private static void AppendRange(Line row, string text, int start, int length, List<(int Start, int Length)> urls, Style style)
    {
        var end = start + length;
        var pos = start;
        foreach (var (urlStart, urlLength) in urls)
        {
            var urlEnd = urlStart + urlLength;
            if (urlEnd <= pos || urlStart >= end)
            {
                continue;
            }

            if (urlStart > pos)
            {
                row.Append(text, pos, urlStart - pos, style);
                pos = urlStart;
            }

            var stop = Math.Min(urlEnd, end);
            row.Append(text, pos, stop - pos, Theme.Link(text.Substring(urlStart, urlLength)));
            pos = stop;
        }

        if (pos < end)
        {
            row.Append(text, pos, end - pos, style);
        }
    }

    private static Line TabStrip(ChatBook chat, bool focused, int width)
    {
        var line = new Line(width);
        var style = focused ? Theme.FocusedHeader : Theme.Header;
        var rule = focused ? '\u2501' : '\u2500';
        line.Append(new string(rule, 2) + " ", style);
        if (focused)
        {
            line.Append(Marks.Focus + " ", style);
        }

        var labels = chat.Tabs.Select((t, i) => Label(chat, t, i == chat.ActiveIndex)).ToList();
        var room = line.Free - 4;
        var start = 0;
        while (start < chat.ActiveIndex && Width(labels, start, chat.ActiveIndex) > room)
        {
            start++;
        }

        if (start > 0)
        {
            line.Append("\u2039 ", style);
        }

        for (var i = start; i < labels.Count; i++)
        {
            var tab = chat.Tabs[i];
            var label = labels[i];
            if (CellWidth.Of(label) + 1 > line.Free - (i < labels.Count - 1 ? 2 : 0))
            {
                if (i == chat.ActiveIndex)
                {
                    line.AppendFit(label, Math.Max(0, line.Free - 3), Theme.ActiveTab);
                }

                line.Append(" \u203a", style);
                break;
            }

            var active = i == chat.ActiveIndex;
            var unread = tab.Unread > 0 && !active;
            line.Append(label, active ? Theme.ActiveTab : unread ? Theme.Unread : style);
            line.Append(" ", style);
        }

        line.FillWith(rule, style);
        return line;
    }

    /// <summary>
    /// "everyone" or "@name"; two direct tabs whose peers share a name get the first characters of
    /// the peer id ("@bob#00a1"), so nobody writes to the wrong bob.
    /// </summary>
    public static string Title(ChatBook chat, ChatTab tab)
    {
        if (tab.IsEveryone)
        {
            return "everyone";
        }

        var shared = false;
        foreach (var other in chat.Tabs)
        {
            shared |= !ReferenceEquals(other, tab) && !other.IsEveryone && other.Title == tab.Title;
        }

        var id = tab.Conversation.Length > 4 ? tab.Conversation[..4] : tab.Conversation;
        return shared ? $"@{tab.Title}#{id}" : "@" + tab.Title;
    }

    private static string Label(ChatBook chat, ChatTab tab, bool active)
    {
        var title = Title(chat, tab);
        var unread = tab.Unread > 0 ? $" ({(tab.Unread > 999 ? "999+" : tab.Unread.ToString(CultureInfo.InvariantCulture))})" : string.Empty;
        return active ? $"[{title}{unread}]" : title + unread;
    }

    private static int Width(List<string> labels, int from, int to)
    {
        var sum = 2;
        for (var i = from; i <= to; i++)
        {
            sum += CellWidth.Of(labels[i]) + 1;
        }

        return sum;
    }
}
