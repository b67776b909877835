using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// The (origin, envelope id) of the direct messages shown lately, bounded by
/// <c>mesh.chat.recent-direct-cache-size</c> (oldest forgotten first), so a message resent after a
/// lost receipt (the same signed envelope) is receipted again but shown only once.
/// </summary>
internal sealed class RecentDirectIds(int capacity)
{
    private readonly HashSet<(NodeId, EnvelopeId)> _seen = [];
    private readonly Queue<(NodeId, EnvelopeId)> _order = new();

    /// <summary>Remembers the message; false when it was already shown.</summary>
    public bool TryAdd(NodeId origin, EnvelopeId id)
    {
        if (!_seen.Add((origin, id)))
        {
            return false;
        }

        _order.Enqueue((origin, id));
        if (_order.Count > capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
