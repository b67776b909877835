using System.Buffers;
using System.IO.Pipelines;

namespace MeshNode.Protocol.Framing;

/// <summary>
/// Reads length-prefixed frames from a <see cref="PipeReader"/> (the TCP side of a link). Each
/// call returns one frame copied into its own array, so the pipe can move on. Not thread-safe:
/// one reader per pipe, as the pipe itself requires.
/// </summary>
public sealed class PipeFrameReader
{
    private readonly PipeReader _reader;
    private readonly LengthPrefixFramer _framer;

    /// <summary>Reads from <paramref name="reader"/> with the bounds of <paramref name="framer"/>.</summary>
    public PipeFrameReader(PipeReader reader, LengthPrefixFramer framer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(framer);
        _reader = reader;
        _framer = framer;
    }

    /// <summary>
    /// The next frame's body, or null when the stream ended cleanly between frames.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token fired or the pending read was cancelled; no bytes are lost.</exception>
    /// <exception cref="ProtocolViolationException">
    /// A length above the maximum (<see cref="ProtocolViolationReason.FrameTooLarge"/>, raised as soon as
    /// the 2-byte prefix arrives) or the stream ended inside a frame (<see cref="ProtocolViolationReason.Truncated"/>).
    /// </exception>
    public async ValueTask<byte[]?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (_framer.TryReadFrame(ref buffer, out var frame))
                {
                    var body = frame.ToArray();
                    _reader.AdvanceTo(buffer.Start);
                    return body;
                }
            }
            catch
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }

            if (result.IsCanceled)
            {
                // CancelPendingRead: keep the partial frame for a later call.
                _reader.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("The pending read was cancelled.");
            }

            if (result.IsCompleted)
            {
                var leftover = buffer.Length;
                _reader.AdvanceTo(buffer.End);
                if (leftover == 0)
                {
                    return null;
                }

                throw new ProtocolViolationException(
                    ProtocolViolationReason.Truncated, $"The stream ended inside a frame ({leftover} bytes of it received).");
            }

            // Nothing consumed, everything examined: the pipe wakes us when more bytes arrive.
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
