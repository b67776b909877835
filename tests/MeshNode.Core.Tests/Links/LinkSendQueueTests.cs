using MeshNode.Core.Links;
using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Tests.Links;

public sealed class LinkSendQueueTests
{
    [Fact]
    public void A_full_queue_drops_the_oldest_frame_and_counts_it()
    {
        var queue = new LinkSendQueue(3);
        var frames = Enumerable.Range(0, 5).Select(i => new EnvelopeFrame(new byte[] { (byte)i })).ToArray();

        var dropped = frames.Select(queue.Enqueue).ToArray();

        Assert.Equal(new[] { false, false, false, true, true }, dropped);
        Assert.Equal(3, queue.Count);
        Assert.Equal(2, queue.Dropped);
        Assert.Equal(new[] { 2, 3, 4 }, Enumerable.Range(0, 3).Select(_ => (int)queue.Dequeue().SignedEnvelope.Span[0]));
    }

    [Fact]
    public void Peek_does_not_take_and_clear_forgets_everything()
    {
        var queue = new LinkSendQueue(2);
        queue.Enqueue(new EnvelopeFrame(new byte[] { 7 }));

        Assert.True(queue.TryPeek(out var front));
        Assert.Equal(7, front.SignedEnvelope.Span[0]);
        Assert.Equal(1, queue.Count);
        queue.Clear();
        Assert.False(queue.TryPeek(out _));
    }
}
