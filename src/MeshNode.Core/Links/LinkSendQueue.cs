using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Links;

/// <summary>
/// Envelope frames waiting on one link for credit from the peer or for room in the writer, at most
/// <c>mesh.link.send-queue-capacity</c> of them: when full, the oldest is dropped so the newest
/// traffic goes first once the peer catches up, and memory never grows with a slow peer.
/// Not thread-safe: used from the link actor only.
/// </summary>
internal sealed class LinkSendQueue
{
    private readonly Queue<EnvelopeFrame> _queue = new();

    /// <summary>A queue holding at most <paramref name="capacity"/> frames.</summary>
    public LinkSendQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most frames the queue holds.</summary>
    public int Capacity { get; }

    /// <summary>Frames waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>Frames dropped since the queue was made.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds a frame at the back; true when the queue was full and its oldest frame was dropped for it.</summary>
    public bool Enqueue(EnvelopeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var dropped = false;
        if (_queue.Count >= Capacity)
        {
            _queue.Dequeue();
            Dropped++;
            dropped = true;
        }

        _queue.Enqueue(frame);
        return dropped;
    }

    /// <summary>The frame at the front, without taking it.</summary>
    public bool TryPeek(out EnvelopeFrame frame) => _queue.TryPeek(out frame!);

    /// <summary>Takes the frame at the front.</summary>
    public EnvelopeFrame Dequeue() => _queue.Dequeue();

    /// <summary>Forgets every waiting frame (the link is closing).</summary>
    public void Clear() => _queue.Clear();
}
