using System.Buffers;
using System.Buffers.Binary;

namespace MeshNode.Protocol.Framing;

/// <summary>
/// Frames byte strings on a stream as a 2-byte unsigned big-endian length followed by that many
/// bytes (each Noise message on a link travels this way). The length is checked against
/// <see cref="MaxFrameSize"/> before any buffer is sized from it. Stateless and thread-safe.
/// </summary>
public sealed class LengthPrefixFramer
{
    /// <summary>Bytes of the length prefix.</summary>
    public const int HeaderSize = 2;

    /// <summary>The largest frame the 16-bit prefix can describe.</summary>
    public const int AbsoluteMaxFrameSize = ushort.MaxValue;

    /// <summary>The setting that bounds <see cref="MaxFrameSize"/>; named in every FrameTooLarge error.</summary>
    public const string MaxFrameSizeSetting = "mesh.link.max-frame-size";

    /// <summary>Creates a framer refusing frames longer than <paramref name="maxFrameSize"/> bytes.</summary>
    /// <param name="maxFrameSize">From <c>mesh.link.max-frame-size</c>: 1..65535.</param>
    public LengthPrefixFramer(int maxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrameSize, AbsoluteMaxFrameSize);
        MaxFrameSize = maxFrameSize;
    }

    /// <summary>The largest accepted frame body, in bytes.</summary>
    public int MaxFrameSize { get; }

    /// <summary>
    /// Streaming read from a pipe: when <paramref name="buffer"/> starts with a whole frame, returns
    /// true, sets <paramref name="frame"/> to its body (a slice of <paramref name="buffer"/>, valid
    /// until the pipe is advanced) and moves <paramref name="buffer"/> past it. Returns false when
    /// more bytes are needed; that is not an error.
    /// </summary>
    /// <exception cref="ProtocolViolationException">The length exceeds <see cref="MaxFrameSize"/> (<see cref="ProtocolViolationReason.FrameTooLarge"/>).</exception>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = CheckLength(BinaryPrimitives.ReadUInt16BigEndian(header));
        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        frame = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    /// <summary>
    /// Streaming read from a span: when <paramref name="buffer"/> starts with a whole frame,
    /// returns true with its body in <paramref name="frame"/> and the bytes used (prefix included)
    /// in <paramref name="consumed"/>. Returns false, consuming nothing, when more bytes are needed.
    /// </summary>
    /// <exception cref="ProtocolViolationException">The length exceeds <see cref="MaxFrameSize"/> (<see cref="ProtocolViolationReason.FrameTooLarge"/>).</exception>
    public bool TryReadFrame(ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> frame, out int consumed)
    {
        frame = default;
        consumed = 0;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        var length = CheckLength(BinaryPrimitives.ReadUInt16BigEndian(buffer));
        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        frame = buffer.Slice(HeaderSize, length);
        consumed = HeaderSize + length;
        return true;
    }

    /// <summary>
    /// Decodes a buffer that must hold exactly one whole frame (a datagram, a stored record).
    /// </summary>
    /// <exception cref="ProtocolViolationException">
    /// Too long (<see cref="ProtocolViolationReason.FrameTooLarge"/>), shorter than its prefix says
    /// (<see cref="ProtocolViolationReason.Truncated"/>), or followed by extra bytes
    /// (<see cref="ProtocolViolationReason.MalformedMessage"/>).
    /// </exception>
    public ReadOnlySpan<byte> DecodeSingle(ReadOnlySpan<byte> buffer)
    {
        if (!TryReadFrame(buffer, out var frame, out var consumed))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.Truncated,
                $"Frame truncated: {buffer.Length} bytes, fewer than its length prefix announces.");
        }

        if (consumed != buffer.Length)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage,
                $"{buffer.Length - consumed} unexpected bytes after the frame.");
        }

        return frame;
    }

    /// <summary>Writes the prefix and <paramref name="payload"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The payload is longer than <see cref="MaxFrameSize"/>.</exception>
    public void WriteFrame(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var span = output.GetSpan(HeaderSize + payload.Length);
        var written = WriteFrame(payload, span);
        output.Advance(written);
    }

    /// <summary>Writes the prefix and <paramref name="payload"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The payload is longer than <see cref="MaxFrameSize"/> or the destination is too small.</exception>
    public int WriteFrame(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (payload.Length > MaxFrameSize)
        {
            throw new ArgumentException(
                $"Frame of {payload.Length} bytes exceeds {MaxFrameSizeSetting} = {MaxFrameSize}.", nameof(payload));
        }

        if (destination.Length < HeaderSize + payload.Length)
        {
            throw new ArgumentException("Destination too small for the frame.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)payload.Length);
        payload.CopyTo(destination[HeaderSize..]);
        return HeaderSize + payload.Length;
    }

    /// <summary>Returns a new array holding the prefix and <paramref name="payload"/>.</summary>
    /// <exception cref="ArgumentException">The payload is longer than <see cref="MaxFrameSize"/>.</exception>
    public byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var result = new byte[HeaderSize + Math.Min(payload.Length, MaxFrameSize)];
        WriteFrame(payload, result);
        return result;
    }

    private int CheckLength(int length)
    {
        if (length > MaxFrameSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.FrameTooLarge,
                $"Frame length {length} exceeds {MaxFrameSizeSetting} = {MaxFrameSize}.");
        }

        return length;
    }
}
