using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>
/// The terminal UI's whole state for one or more nodes (a lab drives several): each node keeps
/// its own tabs, unread counts, peers, topology, selection and scroll; focus, the input line and
/// the help overlay are shared. Single-threaded: only the UI loop calls it. <see cref="Version"/>
/// changes whenever what is drawn changes, so the loop redraws only then.
/// </summary>
internal sealed class TuiModel
{
    private readonly List<NodeState> _nodes;
    private readonly TimeProvider _time;

    /// <summary>Creates the model for <paramref name="nodes"/> (at least one), showing node 0.</summary>
    public TuiModel(IReadOnlyList<TuiNodeInfo> nodes, TimeProvider time, TuiModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("The UI needs at least one node.", nameof(nodes));
        }

        if (options.MaxLinesPerTab < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLinesPerTab, "MaxLinesPerTab must be at least 1.");
        }

        _time = time;
        Options = options;
        TimeZone = options.TimeZone ?? TimeZoneInfo.Local;
        _nodes = nodes.Select(n => new NodeState(n, options.MaxLinesPerTab)).ToList();
        Input = new InputLine(options.InputHistoryLimit, options.MaxInputLength);
    }

    /// <summary>Bumps on every change that alters what is drawn.</summary>
    public long Version { get; private set; }

    /// <summary>How many nodes the UI speaks for.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>The node on screen, 0-based.</summary>
    public int Current { get; private set; }

    /// <summary>The options the model was made with.</summary>
    public TuiModelOptions Options { get; }

    /// <summary>The zone times are shown in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Today in <see cref="TimeZone"/> by the model's clock (chat marks lines from other days).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone).DateTime);

    /// <summary>Every node's state, for the renderer.</summary>
    public IReadOnlyList<NodeState> Nodes => _nodes;

    /// <summary>The state of the node on screen.</summary>
    public NodeState CurrentNode => _nodes[Current];

    /// <summary>The pane with keyboard focus.</summary>
    public Pane Focus { get; private set; } = Pane.Input;

    /// <summary>The input line.</summary>
    public InputLine Input { get; }

    /// <summary>True while the help overlay is shown.</summary>
    public bool HelpVisible { get; private set; }

    /// <summary>Null when the everyone tab is active, else the peer node id of the active direct tab.</summary>
    public string? CurrentConversation => CurrentNode.Chat.Active.IsEveryone ? null : CurrentNode.Chat.Active.Conversation;

    /// <summary>When the next link highlight ends (arm one timer for it), or null when none is lit.</summary>
    public DateTimeOffset? NextExpiry => _nodes.Select(n => n.Topology.NextExpiry).Where(t => t is not null).Min();

    /// <summary>Rows the chat, peers and topology panes had in the last frame (page size for scrolling).</summary>
    public (int Chat, int Peers, int Topology) PaneRows { get; private set; } = (10, 5, 5);

    /// <summary>Shows node <paramref name="index"/> (lab <c>/as N</c>); a bad index becomes an error notice.</summary>
    public void SwitchTo(int index)
    {
        if (index < 0 || index >= _nodes.Count)
        {
            AddNotice(Current, NoticeKind.Error, $"There is no node {index}: nodes are 0 to {_nodes.Count - 1}.");
            return;
        }

        if (index != Current)
        {
            Current = index;
            CurrentNode.Chat.MarkActiveRead();
            Changed();
        }
    }

    /// <summary>Applies any node event of node <paramref name="node"/>; unknown event types and node indexes are ignored.</summary>
    public void Apply(int node, NodeEvent e)
    {
        if (!Valid(node) || e is null)
        {
            return;
        }

        var state = _nodes[node];
        switch (e)
        {
            case NodeStarted started:
                state.Started(started);
                break;
            case PeerDiscovered discovered:
                state.Discovered(discovered);
                break;
            case LinkUp up:
                state.Link(up.NodeId, up.Name, up: true);
                break;
            case LinkDown down:
                state.Link(down.NodeId, down.Name, up: false);
                break;
            case ChatReceived chat:
                Received(node, state, chat);
                break;
            case ChatDelivered delivered:
                state.Chat.SetStatus(delivered.MessageId, delivered.ToId, OwnStatus.Delivered);
                break;
            case ChatQueued queued:
                state.Chat.SetStatus(queued.MessageId, queued.ToId, OwnStatus.Queued);
                break;
            case TopologyChanged topology:
                if (topology.Topology is null || !state.Topology.Apply(topology.Topology, _time.GetUtcNow(), Options.HighlightFor, state.Name))
                {
                    return;
                }

                break;
            case KeyChanged changed:
                KeyChangedNotice(node, state, changed);
                break;
            case NodeWarning warning:
                AddNotice(node, NoticeKind.Warning, warning.Message);
                return;
            case NodeError error:
                AddNotice(node, NoticeKind.Error, error.Message);
                return;
            default:
                return;
        }

        Changed();
    }

    /// <summary>
    /// Takes node <paramref name="node"/>'s peer list (authoritative: clears key-changed flags of
    /// trusted peers). Like the status and topology, a list that shows nothing new leaves
    /// <see cref="Version"/> alone, so periodic refreshes cause no redraw.
    /// </summary>
    public void ApplyPeers(int node, IReadOnlyList<PeerView> peers)
    {
        if (Valid(node) && peers is not null && _nodes[node].SetPeers(peers))
        {
            Changed();
        }
    }

    /// <summary>Takes node <paramref name="node"/>'s status (security mode, links, outbox).</summary>
    public void ApplyStatus(int node, NodeStatusView s)
    {
        if (Valid(node) && s is not null && _nodes[node].Status(s))
        {
            Changed();
        }
    }

    /// <summary>Takes node <paramref name="node"/>'s topology graph (as a <see cref="TopologyChanged"/> would).</summary>
    public void ApplyTopology(int node, TopologyView t)
    {
        if (Valid(node) && t is not null && _nodes[node].Topology.Apply(t, _time.GetUtcNow(), Options.HighlightFor, _nodes[node].Name))
        {
            Changed();
        }
    }

    /// <summary>
    /// Merges stored messages into the tabs their <see cref="ChatHistoryItem.Conversation"/> names
    /// ("all" or a peer id), in time order, skipping message ids already shown. History never counts unread.
    /// </summary>
    public void ApplyHistory(int node, IReadOnlyList<ChatHistoryItem> items)
    {
        if (!Valid(node) || items is null)
        {
            return;
        }

        var state = _nodes[node];
        var changed = false;
        foreach (var item in items)
        {
            if (item is null || string.IsNullOrEmpty(item.MessageId))
            {
                continue;
            }

            var conversation = Conversation(item.Conversation);
            var tab = state.Chat.Tab(conversation, state.TitleOf(conversation));
            var line = new ChatLine
            {
                Kind = item.Outgoing ? ChatLineKind.Own : ChatLineKind.Received,
                MessageId = item.MessageId,
                At = item.SentAt,
                SenderId = TextSanitizer.Line(item.FromId, 128),
                SenderName = item.Outgoing ? state.Name : TextSanitizer.Name(item.FromName, PeerEntry.ShortId(item.FromId)),
                Text = TextSanitizer.Text(item.Text),
                Security = NodeState.ParseSecurity(item.Security),
                Hops = item.Hops,
                FromChangedKey = item.FromChangedKey,
                Status = item.Delivered ? OwnStatus.Delivered : item.Failed ? OwnStatus.Failed : OwnStatus.Sent,
            };
            changed |= tab.Insert(line);
        }

        if (changed)
        {
            Changed();
        }
    }

    /// <summary>
    /// Shows a message this node sent to <paramref name="conversation"/> ("all" or a peer id) as sent
    /// or queued; a later <see cref="ChatDelivered"/> with its message id marks it delivered.
    /// </summary>
    public void AddOwnMessage(int node, string conversation, SendOutcome outcome, string text)
    {
        if (!Valid(node) || outcome is null)
        {
            return;
        }

        var state = _nodes[node];
        var key = Conversation(conversation);
        var tab = state.Chat.Tab(key, state.TitleOf(key));
        var line = new ChatLine
        {
            Kind = ChatLineKind.Own,
            MessageId = string.IsNullOrEmpty(outcome.MessageId) ? null : outcome.MessageId,
            At = _time.GetUtcNow(),
            SenderId = state.NodeId,
            SenderName = state.Name,
            Text = TextSanitizer.Text(text),
            Security = state.OwnSecurity(key),
            Status = outcome.Queued ? OwnStatus.Queued : OwnStatus.Sent,
        };
        if (state.Chat.AddOwn(tab, line))
        {
            Changed();
        }
    }

    /// <summary>Shows a local notice (command reply, listing, warning, error; may span lines) in the node's active tab.</summary>
    public void AddNotice(int node, NoticeKind kind, string text)
    {
        if (!Valid(node))
        {
            return;
        }

        _nodes[node].Chat.Active.Append(new ChatLine
        {
            Kind = ChatLineKind.Notice,
            At = _time.GetUtcNow(),
            Text = TextSanitizer.Text(text),
            Notice = kind,
        });
        Changed();
    }

    /// <summary>Opens (or activates) the direct tab with a peer on the node on screen.</summary>
    public void OpenConversation(string peerNodeId)
    {
        var id = TextSanitizer.Line(peerNodeId, 128).Trim();
        var state = CurrentNode;
        if (id.Length == 0 || id == ChatTab.Everyone || id == state.NodeId)
        {
            return;
        }

        var tab = state.Chat.Tab(id, state.TitleOf(id));
        state.Chat.Activate(tab, onScreen: true);
        Changed();
    }

    /// <summary>Shows the help overlay (commands, keys, security marks); any key closes it.</summary>
    public void ShowHelp()
    {
        if (!HelpVisible)
        {
            HelpVisible = true;
            Changed();
        }
    }

    /// <summary>Ends link highlights due at the clock's now; true when something changed.</summary>
    public bool Tick()
    {
        var now = _time.GetUtcNow();
        var changed = false;
        foreach (var node in _nodes)
        {
            changed |= node.Topology.Expire(now);
        }

        if (changed)
        {
            Changed();
        }

        return changed;
    }

    /// <summary>Handles one key: navigation and line editing. Pure apart from the model itself.</summary>
    public KeyOutcome HandleKey(ConsoleKeyInfo key) => KeyMap.Handle(this, key);

    /// <summary>Records the pane heights of the frame just drawn (page size for PageUp/PageDown); not a visible change.</summary>
    internal void NoteLayout(int chatRows, int peerRows, int topologyRows) =>
        PaneRows = (Math.Max(1, chatRows), Math.Max(1, peerRows), Math.Max(1, topologyRows));

    internal void SetFocus(Pane pane)
    {
        if (Focus != pane)
        {
            Focus = pane;
            Changed();
        }
    }

    internal void HideHelp()
    {
        HelpVisible = false;
        Changed();
    }

    internal void Changed() => Version++;

    private static string Conversation(string? conversation)
    {
        var key = TextSanitizer.Line(conversation, 128).Trim();
        return key.Length == 0 ? ChatTab.Everyone : key;
    }

    private bool Valid(int node) => node >= 0 && node < _nodes.Count;

    private void Received(int node, NodeState state, ChatReceived chat)
    {
        var direct = string.Equals(chat.Scope, "direct", StringComparison.OrdinalIgnoreCase);
        var fromId = TextSanitizer.Line(chat.FromId, 128);
        var conversation = direct && fromId.Length > 0 ? fromId : ChatTab.Everyone;
        var name = TextSanitizer.Name(chat.FromName, PeerEntry.ShortId(fromId));
        if (chat.FromChangedKey && fromId.Length > 0)
        {
            state.Peers.MarkKeyChanged(fromId, name);
        }

        var tab = state.Chat.Tab(conversation, direct ? (state.Peers.NameOf(fromId) ?? name) : "everyone");
        state.Chat.AddReceived(tab, new ChatLine
        {
            Kind = ChatLineKind.Received,
            MessageId = string.IsNullOrEmpty(chat.MessageId) ? null : chat.MessageId,
            At = chat.At,
            SenderId = fromId,
            SenderName = name,
            Text = TextSanitizer.Text(chat.Text),
            Security = NodeState.ParseSecurity(chat.Security),
            Hops = chat.Hops,
            FromChangedKey = chat.FromChangedKey,
        }, nodeOnScreen: node == Current);
    }

    private void KeyChangedNotice(int node, NodeState state, KeyChanged changed)
    {
        var id = TextSanitizer.Line(changed.NodeId, 128);
        var name = TextSanitizer.Name(changed.Name, PeerEntry.ShortId(id));
        state.Peers.MarkKeyChanged(id, name);
        AddNotice(node, NoticeKind.Warning,
            $"{name}'s key CHANGED: was {TextSanitizer.Line(changed.OldFingerprint, 64)}, now {TextSanitizer.Line(changed.NewFingerprint, 64)}. "
            + $"Their messages are flagged until you compare the fingerprint in person and run /trust {name} FINGERPRINT.");
    }
}
