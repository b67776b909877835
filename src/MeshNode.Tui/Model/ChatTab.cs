namespace MeshNode.Tui.Model;

/// <summary>
/// One conversation: the everyone channel or a direct conversation with one peer. Keeps at most
/// a bounded number of lines (oldest dropped), each message id once, and its own unread count and
/// scroll position.
/// </summary>
internal sealed class ChatTab
{
    /// <summary>The conversation key of the everyone channel.</summary>
    public const string Everyone = "all";

    private readonly List<ChatLine> _lines = [];
    private readonly Dictionary<string, ChatLine> _byId = new(StringComparer.Ordinal);
    private readonly int _maxLines;

    /// <summary>Creates an empty tab keeping at most <paramref name="maxLines"/> lines.</summary>
    public ChatTab(string conversation, string title, int maxLines)
    {
        Conversation = conversation;
        Title = title;
        _maxLines = Math.Max(1, maxLines);
    }

    /// <summary>"all" or the peer's node id.</summary>
    public string Conversation { get; }

    /// <summary>True for the everyone channel.</summary>
    public bool IsEveryone => Conversation == Everyone;

    /// <summary>What the tab strip shows: "everyone" or the peer's current name.</summary>
    public string Title { get; set; }

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<ChatLine> Lines => _lines;

    /// <summary>Messages that arrived while the tab was not on screen.</summary>
    public int Unread { get; set; }

    /// <summary>How many of the newest lines are hidden below the view (0 = following the newest).</summary>
    public int ScrollOffset { get; private set; }

    /// <summary>The line with this message id, if the tab still holds it.</summary>
    public ChatLine? Find(string messageId) => _byId.GetValueOrDefault(messageId);

    /// <summary>
    /// Appends a live line. A line whose message id is already here is not added again (false).
    /// A reader scrolled up keeps the same view: the new line counts as one more below.
    /// </summary>
    public bool Append(ChatLine line)
    {
        if (line.MessageId is not null && !_byId.TryAdd(line.MessageId, line))
        {
            return false;
        }

        _lines.Add(line);
        if (ScrollOffset > 0)
        {
            ScrollOffset++;
        }

        Trim();
        return true;
    }

    /// <summary>Inserts a history line in time order; false when the message is already here.</summary>
    public bool Insert(ChatLine line)
    {
        if (line.MessageId is not null && !_byId.TryAdd(line.MessageId, line))
        {
            return false;
        }

        var index = _lines.Count;
        while (index > 0 && _lines[index - 1].At > line.At)
        {
            index--;
        }

        _lines.Insert(index, line);
        if (ScrollOffset > 0 && index >= _lines.Count - ScrollOffset)
        {
            ScrollOffset++;
        }

        Trim();
        return true;
    }

    /// <summary>Scrolls by <paramref name="lines"/> (positive = towards older); true when the view moved.</summary>
    public bool Scroll(int lines)
    {
        var next = Math.Clamp(ScrollOffset + lines, 0, Math.Max(0, _lines.Count - 1));
        if (next == ScrollOffset)
        {
            return false;
        }

        ScrollOffset = next;
        return true;
    }

    /// <summary>Jumps to the oldest line kept.</summary>
    public bool ScrollToTop() => Scroll(_lines.Count);

    /// <summary>Jumps back to the newest line.</summary>
    public bool ScrollToBottom() => Scroll(-ScrollOffset);

    private void Trim()
    {
        var excess = _lines.Count - _maxLines;
        if (excess <= 0)
        {
            return;
        }

        for (var i = 0; i < excess; i++)
        {
            if (_lines[i].MessageId is { } id)
            {
                _byId.Remove(id);
            }
        }

        _lines.RemoveRange(0, excess);
        ScrollOffset = Math.Min(ScrollOffset, Math.Max(0, _lines.Count - 1));
    }
}
