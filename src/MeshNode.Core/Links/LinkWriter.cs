using System.IO.Pipelines;
using System.Threading.Channels;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Links;

/// <summary>
/// The write side of one link: a bounded queue of frames (<c>mesh.link.send-queue-capacity</c>)
/// that one loop encodes, encrypts, frames and flushes. Control frames enter whenever there is
/// room; envelope frames (already within the peer's credit) also only while fewer than
/// <see cref="EnvelopeWindow"/> of them wait unflushed, so a peer that grants credit but does not
/// read cannot make this queue hold every envelope. The link actor calls the Try methods; the
/// loop runs on its own task and reports, through a callback, when it has drained after a refusal.
/// </summary>
internal sealed class LinkWriter
{
    /// <summary>Envelope frames handed to the writer and not yet flushed, at most.</summary>
    public const int EnvelopeWindow = 64;

    private readonly Channel<LinkMessage> _queue;
    private readonly LengthPrefixFramer _framer;
    private int _envelopesUnflushed;
    private int _wakeOnDrain;

    /// <summary>A writer holding at most <paramref name="capacity"/> frames, framed by <paramref name="framer"/>.</summary>
    public LinkWriter(int capacity, LengthPrefixFramer framer)
    {
        _framer = framer;
        _queue = Channel.CreateBounded<LinkMessage>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Queues a control frame; false when the queue is full (or completed), and then, with
    /// <paramref name="notifyWhenRefused"/>, the loop calls its drained callback after its next flush.
    /// </summary>
    public bool TryWriteControl(LinkMessage message, bool notifyWhenRefused = false)
    {
        if (_queue.Writer.TryWrite(message))
        {
            return true;
        }

        if (!notifyWhenRefused)
        {
            return false;
        }

        // Ask for a wake-up first, then try again: a flush that happened in between left room.
        Interlocked.Exchange(ref _wakeOnDrain, 1);
        return _queue.Writer.TryWrite(message);
    }

    /// <summary>
    /// Queues an envelope frame; false when the envelope window or the queue is full, in which case
    /// the loop calls its drained callback after its next flush.
    /// </summary>
    public bool TryWriteEnvelope(EnvelopeFrame envelope)
    {
        if (TryAdmit(envelope))
        {
            return true;
        }

        // Ask for a wake-up first, then look again: a flush that happened in between left room.
        Interlocked.Exchange(ref _wakeOnDrain, 1);
        return TryAdmit(envelope);
    }

    /// <summary>No more frames: the loop ends once it has written what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// Writes queued frames to <paramref name="output"/> until <see cref="Complete"/> (then returns)
    /// or cancellation; transport errors propagate to the caller.
    /// </summary>
    public async Task RunAsync(PipeWriter output, LinkTransport transport, Action drained, CancellationToken token)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            var envelopes = 0;
            while (reader.TryRead(out var message))
            {
                _framer.WriteFrame(transport.Encrypt(LinkFrameCodec.Encode(message)), output);
                envelopes += message is EnvelopeFrame ? 1 : 0;
            }

            await output.FlushAsync(token).ConfigureAwait(false);
            Interlocked.Add(ref _envelopesUnflushed, -envelopes);
            if (Interlocked.Exchange(ref _wakeOnDrain, 0) == 1)
            {
                drained();
            }
        }
    }

    private bool TryAdmit(EnvelopeFrame envelope)
    {
        if (Volatile.Read(ref _envelopesUnflushed) >= EnvelopeWindow)
        {
            return false;
        }

        // Counted before it is queued, so the loop never subtracts a frame not yet added.
        Interlocked.Increment(ref _envelopesUnflushed);
        if (_queue.Writer.TryWrite(envelope))
        {
            return true;
        }

        Interlocked.Decrement(ref _envelopesUnflushed);
        return false;
    }
}
