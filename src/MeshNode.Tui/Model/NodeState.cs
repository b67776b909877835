using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>
/// Everything the UI knows about one node: identity, status, peers, topology and chat tabs. The
/// reducers here take node events and views; <see cref="TuiModel"/> routes them and counts versions.
/// </summary>
internal sealed class NodeState
{
    private readonly HashSet<string> _linked = new(StringComparer.Ordinal);

    /// <summary>Creates the state of a node known by <paramref name="info"/>.</summary>
    public NodeState(TuiNodeInfo info, int maxLinesPerTab)
    {
        NodeId = TextSanitizer.Line(info.NodeId, 128);
        Name = TextSanitizer.Name(info.Name, PeerEntry.ShortId(info.NodeId));
        Fingerprint = TextSanitizer.Line(info.Fingerprint, 64);
        Port = info.Port;
        Chat = new ChatBook(maxLinesPerTab);
    }

    /// <summary>This node's id.</summary>
    public string NodeId { get; private set; }

    /// <summary>This node's display name.</summary>
    public string Name { get; private set; }

    /// <summary>This node's fingerprint.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>The TCP port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>"open" or "passphrase" once known (<see cref="NodeStarted"/> or a status), else empty.</summary>
    public string Security { get; private set; } = string.Empty;

    /// <summary>Live links: from status, kept current by link events between status refreshes.</summary>
    public int Links { get; private set; }

    /// <summary>Direct messages waiting in the outbox (from the latest status).</summary>
    public int? Outbox { get; private set; }

    /// <summary>Peers known (from the latest status or peer list).</summary>
    public int KnownPeers { get; private set; }

    /// <summary>The peer list.</summary>
    public PeerList Peers { get; } = new();

    /// <summary>The topology pane's state.</summary>
    public TopologyState Topology { get; } = new();

    /// <summary>The chat tabs.</summary>
    public ChatBook Chat { get; }

    /// <summary>Takes the node's own announcement.</summary>
    public void Started(NodeStarted e)
    {
        NodeId = TextSanitizer.Line(e.NodeId, 128);
        Name = TextSanitizer.Name(e.Name, PeerEntry.ShortId(e.NodeId));
        Fingerprint = TextSanitizer.Line(e.Fingerprint, 64);
        Port = e.Port;
        Security = TextSanitizer.Line(e.Security, 16);
    }

    /// <summary>Takes a status view; false when it shows nothing new.</summary>
    public bool Status(NodeStatusView s)
    {
        var before = (Security, Links, KnownPeers, Outbox);
        Security = TextSanitizer.Line(s.Security, 16);
        Links = Math.Max(0, s.Links);
        KnownPeers = Math.Max(0, s.KnownPeers);
        Outbox = Math.Max(0, s.Outbox);
        return before != (Security, Links, KnownPeers, Outbox);
    }

    /// <summary>Takes the authoritative peer list (also renames direct tabs); false when it shows nothing new.</summary>
    public bool SetPeers(IReadOnlyList<PeerView> peers)
    {
        var before = Peers.Peers.ToArray();
        var links = Links;
        Peers.Replace(peers);
        _linked.Clear();
        foreach (var peer in Peers.Peers)
        {
            if (peer.Linked)
            {
                _linked.Add(peer.NodeId);
            }
        }

        Links = _linked.Count;
        KnownPeers = Peers.Peers.Count;
        RenameTabs();
        return links != Links || !before.SequenceEqual(Peers.Peers);
    }

    /// <summary>A link came up or went down.</summary>
    public void Link(string nodeId, string name, bool up)
    {
        var id = TextSanitizer.Line(nodeId, 128);
        if (id.Length == 0 || id == NodeId)
        {
            return;
        }

        var clean = TextSanitizer.Name(name, PeerEntry.ShortId(id));
        if (up ? _linked.Add(id) : _linked.Remove(id))
        {
            Links = Math.Max(0, Links + (up ? 1 : -1));
        }

        Peers.Upsert(id, old => old is null
            ? new PeerEntry(id, clean, string.Empty, up ? 1 : null, null, up, up, PeerTrust.Unknown)
            : old with { Name = clean, Linked = up, Online = up || old.Online, Hops = up ? 1 : old.Hops == 1 ? null : old.Hops });
        RenameTabs();
    }

    /// <summary>A peer was heard of.</summary>
    public void Discovered(PeerDiscovered e)
    {
        var id = TextSanitizer.Line(e.NodeId, 128);
        if (id.Length == 0 || id == NodeId)
        {
            return;
        }

        var name = TextSanitizer.Name(e.Name, PeerEntry.ShortId(id));
        Peers.Upsert(id, old => old is null
            ? new PeerEntry(id, name, string.Empty, null, null, false, false, PeerTrust.Unknown)
            : old with { Name = name });
        KnownPeers = Math.Max(KnownPeers, Peers.Peers.Count);
    }

    /// <summary>The title a direct tab with this peer gets.</summary>
    public string TitleOf(string peerId) => Peers.NameOf(peerId) ?? PeerEntry.ShortId(peerId);

    /// <summary>Security of this node's own messages to a conversation.</summary>
    public SecurityLevel OwnSecurity(string conversation) =>
        conversation != ChatTab.Everyone ? SecurityLevel.EndToEnd
        : string.Equals(Security, "passphrase", StringComparison.OrdinalIgnoreCase) ? SecurityLevel.Network
        : SecurityLevel.Link;

    /// <summary>"link", "network", "e2e", anything else unknown.</summary>
    public static SecurityLevel ParseSecurity(string? security) => security?.Trim().ToLowerInvariant() switch
    {
        "link" => SecurityLevel.Link,
        "network" => SecurityLevel.Network,
        "e2e" => SecurityLevel.EndToEnd,
        _ => SecurityLevel.Unknown,
    };

    private void RenameTabs()
    {
        foreach (var tab in Chat.Tabs)
        {
            if (!tab.IsEveryone && Peers.NameOf(tab.Conversation) is { } name)
            {
                tab.Title = name;
            }
        }
    }
}
