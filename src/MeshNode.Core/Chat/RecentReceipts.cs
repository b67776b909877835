using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// Receipts this node sent lately, to send again when its view of the mesh changes: a receipt lost
/// because the path it took died (the usual way receipts are lost) then reaches the sender along
/// the new path, without the sender's resend, which relays that saw the first copy would drop
/// (docs/protocol.md, section 10.1). Each receipt is resent at most <see cref="MaxResends"/> times
/// and only within <see cref="Window"/> of the message; at most <see cref="Capacity"/> are kept.
/// Owned by the chat actor: not thread-safe.
/// </summary>
internal sealed class RecentReceipts
{
    /// <summary>How long after a message its receipt may be resent: a few rerouting times (3 s each).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Resends per receipt: enough for a couple of route changes, never a stream.</summary>
    public const int MaxResends = 3;

    /// <summary>Receipts remembered; the oldest are forgotten first.</summary>
    public const int Capacity = 256;

    private readonly LinkedList<Entry> _entries = new();

    /// <summary>Remembers a receipt just sent for <paramref name="id"/> to <paramref name="origin"/>.</summary>
    public void Sent(NodeId origin, EnvelopeId id, DateTimeOffset now)
    {
        _entries.AddLast(new Entry(origin, id, now));
        if (_entries.Count > Capacity)
        {
            _entries.RemoveFirst();
        }
    }

    /// <summary>The receipts to send again now, grouped by the node they go to (one receipt body each).</summary>
    public IReadOnlyList<(NodeId Origin, IReadOnlyList<EnvelopeId> Ids)> TakeDue(DateTimeOffset now)
    {
        var node = _entries.First;
        while (node is not null)
        {
            var next = node.Next;
            if (now - node.Value.At > Window || node.Value.Resends >= MaxResends)
            {
                _entries.Remove(node);
            }

            node = next;
        }

        foreach (var entry in _entries)
        {
            entry.Resends++;
        }

        return _entries
            .GroupBy(e => e.Origin)
            .Select(g => (g.Key, (IReadOnlyList<EnvelopeId>)g.Select(e => e.Id).ToArray()))
            .ToArray();
    }

    private sealed class Entry(NodeId origin, EnvelopeId id, DateTimeOffset at)
    {
        public NodeId Origin { get; } = origin;

        public EnvelopeId Id { get; } = id;

        public DateTimeOffset At { get; } = at;

        public int Resends { get; set; }
    }
}
