using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>
/// The peers of one node, sorted: changed keys first, then linked, then by hops (unknown last),
/// then by name; the
/// selection follows a peer (by id) when the order changes. A key change reported by a
/// <see cref="KeyChanged"/> event stays flagged until a peer listing shows the peer trusted again.
/// </summary>
internal sealed class PeerList
{
    private readonly List<PeerEntry> _peers = [];
    private readonly HashSet<string> _changedKeys = new(StringComparer.Ordinal);
    private string? _selectedId;

    /// <summary>The peers in display order.</summary>
    public IReadOnlyList<PeerEntry> Peers => _peers;

    /// <summary>Index of the selected peer, or -1 when there are none.</summary>
    public int SelectedIndex
    {
        get
        {
            if (_peers.Count == 0)
            {
                return -1;
            }

            var index = _selectedId is null ? -1 : _peers.FindIndex(p => p.NodeId == _selectedId);
            return index < 0 ? 0 : index;
        }
    }

    /// <summary>The selected peer, if any.</summary>
    public PeerEntry? Selected => SelectedIndex < 0 ? null : _peers[SelectedIndex];

    /// <summary>The peer's cleaned name, or null when unknown.</summary>
    public string? NameOf(string nodeId) => _peers.Find(p => p.NodeId == nodeId)?.Name;

    /// <summary>True when the peer's key changed and it is not trusted yet.</summary>
    public bool HasChangedKey(string nodeId) => _changedKeys.Contains(nodeId);

    /// <summary>Replaces the list with the node's authoritative one.</summary>
    public void Replace(IReadOnlyList<PeerView> views)
    {
        _peers.Clear();
        foreach (var view in views)
        {
            var entry = PeerEntry.From(view);
            if (entry.Trust == PeerTrust.ChangedKey)
            {
                _changedKeys.Add(entry.NodeId);
            }
            else if (entry.Trust != PeerTrust.Unknown)
            {
                _changedKeys.Remove(entry.NodeId);
            }

            _peers.Add(_changedKeys.Contains(entry.NodeId) ? entry with { Trust = PeerTrust.ChangedKey } : entry);
        }

        Sort();
    }

    /// <summary>Adds or updates one peer from an event; <paramref name="update"/> gets the old entry or null.</summary>
    public void Upsert(string nodeId, Func<PeerEntry?, PeerEntry> update)
    {
        var index = _peers.FindIndex(p => p.NodeId == nodeId);
        var next = update(index < 0 ? null : _peers[index]);
        if (index < 0)
        {
            _peers.Add(next);
        }
        else
        {
            _peers[index] = next;
        }

        Sort();
    }

    /// <summary>Flags a peer's key as changed until a listing shows it trusted.</summary>
    public void MarkKeyChanged(string nodeId, string name)
    {
        _changedKeys.Add(nodeId);
        Upsert(nodeId, old => old is null
            ? new PeerEntry(nodeId, name, string.Empty, null, null, false, false, PeerTrust.ChangedKey)
            : old with { Trust = PeerTrust.ChangedKey });
    }

    /// <summary>Moves the selection by <paramref name="delta"/>; true when it moved.</summary>
    public bool MoveSelection(int delta)
    {
        if (_peers.Count == 0)
        {
            return false;
        }

        var current = SelectedIndex;
        var next = Math.Clamp(current + delta, 0, _peers.Count - 1);
        _selectedId = _peers[next].NodeId;
        return next != current;
    }

    private void Sort() => _peers.Sort(static (a, b) =>
    {
        // A changed key goes first so it is on screen in any pane size until it is resolved.
        var byDanger = (b.Trust == PeerTrust.ChangedKey).CompareTo(a.Trust == PeerTrust.ChangedKey);
        if (byDanger != 0)
        {
            return byDanger;
        }

        var byLink = b.Linked.CompareTo(a.Linked);
        if (byLink != 0)
        {
            return byLink;
        }

        var byHops = (a.Hops ?? int.MaxValue).CompareTo(b.Hops ?? int.MaxValue);
        if (byHops != 0)
        {
            return byHops;
        }

        var byName = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(a.NodeId, b.NodeId);
    });
}
