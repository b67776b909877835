using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Links;

/// <summary>
/// The read side of one link: frames, decrypts and decodes what the peer sends, charges each
/// envelope against the credit granted to the peer (<see cref="LinkFlowControl.TryReceive"/>) and
/// hands the frames to the link actor. Frames that arrived together are all charged before any is
/// handed on (up to <see cref="MaxBatch"/>), so the actor cannot grant credit for a frame while a
/// later frame of the same burst is still being checked: a burst beyond the credit is caught every time.
/// </summary>
internal sealed class LinkReader
{
    /// <summary>Most frames charged before they are handed on, so a long burst still flows.</summary>
    public const int MaxBatch = 64;

    private readonly PipeFrameReader _reader;
    private readonly LinkTransport _transport;
    private readonly LinkFrameLimits _limits;
    private readonly LinkFlowControl _flow;
    private readonly NodeCounters _counters;

    /// <summary>Reads frames with <paramref name="reader"/>, decrypted by <paramref name="transport"/> and charged to <paramref name="flow"/>.</summary>
    public LinkReader(PipeFrameReader reader, LinkTransport transport, LinkFrameLimits limits, LinkFlowControl flow, NodeCounters counters)
    {
        _reader = reader;
        _transport = transport;
        _limits = limits;
        _flow = flow;
        _counters = counters;
    }

    /// <summary>
    /// Reads until the link fails or <paramref name="token"/> fires. <paramref name="received"/> gets
    /// each good frame in order; <paramref name="rejected"/> a frame dropped with the link kept;
    /// <paramref name="failed"/>, last, why the link must close.
    /// </summary>
    public async Task RunAsync(Action<LinkMessage> received, Action<string> rejected, Action<LinkCloseReason, string> failed, CancellationToken token)
    {
        var batch = new List<LinkMessage>();
        void Deliver()
        {
            foreach (var message in batch)
            {
                received(message);
            }

            batch.Clear();
        }

        var next = _reader.ReadFrameAsync(token);
        while (true)
        {
            if (!next.IsCompleted || batch.Count >= MaxBatch)
            {
                Deliver();
            }

            byte[]? frame;
            try
            {
                frame = await next.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ProtocolViolationException ex)
            {
                _counters.RejectedFrame();
                Deliver();
                failed(LinkCloseReason.ProtocolViolation, ex.Message);
                return;
            }
            catch (Exception ex) when (ex is TransportException or InvalidOperationException or IOException)
            {
                Deliver();
                failed(LinkCloseReason.Unspecified, ex.Message);
                return;
            }

            if (frame is null)
            {
                Deliver();
                failed(LinkCloseReason.Unspecified, "the peer closed the connection");
                return;
            }

            LinkMessage? message = null;
            try
            {
                message = LinkFrameCodec.Decode(_transport.Decrypt(frame), _limits);
            }
            catch (ProtocolViolationException ex) when (!ex.ClosesLink)
            {
                _counters.RejectedFrame();
                Deliver();
                rejected(ex.Message);
            }
            catch (ProtocolViolationException ex)
            {
                _counters.RejectedFrame();
                Deliver();
                failed(LinkCloseReason.ProtocolViolation, ex.Message);
                return;
            }

            if (message is EnvelopeFrame envelope && !_flow.TryReceive(envelope.SignedEnvelope.Length))
            {
                _counters.RejectedFrame();
                Deliver();
                failed(
                    LinkCloseReason.Overloaded,
                    $"sent an envelope frame of {envelope.SignedEnvelope.Length} bytes beyond its credit ({_flow.ReceiveFrames} frames, {_flow.ReceiveBytes} bytes left; "
                    + "mesh.link.initial-credit-frames, mesh.link.initial-credit-bytes)");
                return;
            }

            if (message is not null)
            {
                batch.Add(message);
            }

            next = _reader.ReadFrameAsync(token);
        }
    }
}
