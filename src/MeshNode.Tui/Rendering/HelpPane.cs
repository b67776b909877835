namespace MeshNode.Tui.Rendering;

/// <summary>The help overlay: commands, keys and the marks, in place of the panes until any key.</summary>
internal static class HelpPane
{
    /// <summary>The help text, one entry per row; a leading "#" marks a heading.</summary>
    public static readonly IReadOnlyList<string> Text =
    [
        "# Commands",
        "/all TEXT            write to everyone (plain text in the everyone tab too)",
        "/msg NAME|ID TEXT    write to one peer, sealed end to end; opens its tab",
        "/peers  /topology    list the peers; show the mesh",
        "/trace NAME          the path to a peer, hop by hop",
        "/connect HOST:PORT   dial a peer by address",
        "/trust NAME FP       accept a new key after comparing FP in person",
        "/as N                lab only: speak for node N",
        "/help  /quit         this help; leave cleanly",
        "# Keys",
        "Enter send \u00b7 Up/Down history \u00b7 Left/Right/Home/End/Backspace/Delete edit",
        "Tab / Shift+Tab      move between input, peers, chat and topology",
        "Up/Down, Enter       in peers: select, open the peer's direct tab",
        "PageUp / PageDown    scroll chat; Esc: back to input and the newest line",
        "Ctrl+Left/Right      previous / next chat tab; Alt+1..9 jump; Ctrl+W close",
        "Ctrl+U clear the line \u00b7 F1 help \u00b7 Ctrl+C quit",
        "# Marks",
        $"{Marks.EndToEnd} end to end   {Marks.Network} network passphrase   {Marks.LinkOnly} link only (relays can read)",
        $"{Marks.Sent} sent   {Marks.Queued} queued for an away peer   {Marks.Delivered} delivered   {Marks.Failed} failed",
        $"{Marks.ChangedKey} key CHANGED, not trusted: compare, then /trust   {Marks.Verified} verified",
        $"{Marks.Online} online  {Marks.Away} away  {Marks.Appeared} link appeared  {Marks.Vanished} link vanished  -- notice  !! warning",
    ];

    /// <summary>Draws the overlay into exactly <paramref name="height"/> rows.</summary>
    public static List<Line> Render(int width, int height)
    {
        var rows = new List<Line>(height);
        if (height <= 0)
        {
            return rows;
        }

        rows.Add(PaneHeader.Render("Help", "any key closes", true, width));
        foreach (var entry in Text)
        {
            if (entry.StartsWith('#'))
            {
                var heading = new Line(width);
                heading.Append(" " + entry[1..].Trim(), Theme.FocusedHeader);
                rows.Add(heading.Fill());
                continue;
            }

            foreach (var (start, length) in TextWrap.Rows(entry, width - 2, width - 6))
            {
                var line = new Line(width);
                line.Pad(rows.Count > 0 && start > 0 ? 6 : 2);
                line.Append(entry, start, length);
                rows.Add(line.Fill());
            }
        }

        if (rows.Count > height)
        {
            rows.RemoveRange(height, rows.Count - height);
            rows[^1] = new Line(width);
            rows[^1].Append(" \u2026 more: make the terminal taller (or see docs/tui.md); any key closes", Theme.Dim);
            rows[^1].Fill();
        }

        return PaneHeader.ToHeight(rows, width, height);
    }
}
