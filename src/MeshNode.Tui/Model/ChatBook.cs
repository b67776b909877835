namespace MeshNode.Tui.Model;

/// <summary>
/// The chat tabs of one node: the everyone tab (always first) and one per direct conversation,
/// which tab is active, and unread counting (a message counts as unread unless its tab is the
/// active tab of the node on screen).
/// </summary>
internal sealed class ChatBook
{
    // Receipts can overtake the send reply that creates the own line; remember a bounded number.
    private const int MaxPendingStatuses = 256;

    private readonly List<ChatTab> _tabs = [];
    private readonly Dictionary<string, OwnStatus> _pending = new(StringComparer.Ordinal);
    private readonly int _maxLines;

    /// <summary>Creates the book with its everyone tab.</summary>
    public ChatBook(int maxLines)
    {
        _maxLines = maxLines;
        _tabs.Add(new ChatTab(ChatTab.Everyone, "everyone", maxLines));
    }

    /// <summary>The tabs in strip order: everyone first, then direct tabs in the order they opened.</summary>
    public IReadOnlyList<ChatTab> Tabs => _tabs;

    /// <summary>Index of the active tab in <see cref="Tabs"/>.</summary>
    public int ActiveIndex { get; private set; }

    /// <summary>The active tab.</summary>
    public ChatTab Active => _tabs[ActiveIndex];

    /// <summary>Unread messages over all tabs.</summary>
    public int UnreadTotal => _tabs.Sum(t => t.Unread);

    /// <summary>The tab of a conversation ("all" or a peer id), created (not activated) when missing.</summary>
    public ChatTab Tab(string conversation, string title)
    {
        foreach (var tab in _tabs)
        {
            if (string.Equals(tab.Conversation, conversation, StringComparison.Ordinal))
            {
                return tab;
            }
        }

        var created = new ChatTab(conversation, title, _maxLines);
        _tabs.Add(created);
        return created;
    }

    /// <summary>Makes a tab active and clears its unread count; true when anything changed.</summary>
    public bool Activate(int index, bool onScreen)
    {
        if (index < 0 || index >= _tabs.Count)
        {
            return false;
        }

        var changed = index != ActiveIndex;
        ActiveIndex = index;
        if (onScreen && _tabs[index].Unread > 0)
        {
            _tabs[index].Unread = 0;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Closes the active direct tab (Ctrl+W) and activates the tab that followed it, or the one
    /// before. The everyone tab never closes. The messages stay in the store: a new message, /msg or
    /// Enter on the peer opens the tab again with its history. True when a tab closed.
    /// </summary>
    public bool CloseActive()
    {
        if (ActiveIndex == 0)
        {
            return false;
        }

        _tabs.RemoveAt(ActiveIndex);
        ActiveIndex = Math.Min(ActiveIndex, _tabs.Count - 1);
        _tabs[ActiveIndex].Unread = 0;
        return true;
    }

    /// <summary>Makes a tab active by its conversation key.</summary>
    public bool Activate(ChatTab tab, bool onScreen) => Activate(IndexOf(tab), onScreen);

    /// <summary>Clears the active tab's unread count (the node came on screen).</summary>
    public void MarkActiveRead() => Active.Unread = 0;

    /// <summary>Adds a received message live; counts it unread unless its tab is on screen. False for a duplicate.</summary>
    public bool AddReceived(ChatTab tab, ChatLine line, bool nodeOnScreen)
    {
        if (!tab.Append(line))
        {
            return false;
        }

        if (!nodeOnScreen || !ReferenceEquals(tab, Active))
        {
            tab.Unread++;
        }

        return true;
    }

    /// <summary>Adds an own message, applying a receipt or queue notice that arrived before it.</summary>
    public bool AddOwn(ChatTab tab, ChatLine line)
    {
        if (line.MessageId is { } id && _pending.Remove(id, out var early))
        {
            line.Status = early;
        }

        return tab.Append(line);
    }

    /// <summary>Sets an own message's status; remembered for later when the line is not here yet.</summary>
    public bool SetStatus(string messageId, string? conversation, OwnStatus status)
    {
        var line = FindOwn(messageId, conversation);
        if (line is null)
        {
            if (_pending.Count >= MaxPendingStatuses)
            {
                _pending.Clear();
            }

            // Delivered beats queued whatever order the two arrive in.
            if (!(_pending.TryGetValue(messageId, out var known) && known == OwnStatus.Delivered))
            {
                _pending[messageId] = status;
            }

            return false;
        }

        if (line.Status == status || (line.Status == OwnStatus.Delivered && status == OwnStatus.Queued))
        {
            return false;
        }

        line.Status = status;
        return true;
    }

    private ChatLine? FindOwn(string messageId, string? conversation)
    {
        if (conversation is not null)
        {
            foreach (var tab in _tabs)
            {
                if (tab.Conversation == conversation && tab.Find(messageId) is { Kind: ChatLineKind.Own } line)
                {
                    return line;
                }
            }
        }

        foreach (var tab in _tabs)
        {
            if (tab.Find(messageId) is { Kind: ChatLineKind.Own } line)
            {
                return line;
            }
        }

        return null;
    }

    private int IndexOf(ChatTab tab)
    {
        for (var i = 0; i < _tabs.Count; i++)
        {
            if (ReferenceEquals(_tabs[i], tab))
            {
                return i;
            }
        }

        return -1;
    }
}
