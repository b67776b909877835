using System.Buffers;
using MeshNode.Protocol.Framing;

namespace MeshNode.Protocol.Tests.Framing;

public class LengthPrefixFramerTests
{
    private readonly LengthPrefixFramer _framer = new(1000);

    [Fact]
    public void Writes_a_big_endian_length_then_the_payload()
    {
        var encoded = _framer.Encode([0xAA, 0xBB, 0xCC]);
        Assert.Equal(new byte[] { 0x00, 0x03, 0xAA, 0xBB, 0xCC }, encoded);
    }

    [Fact]
    public void Reads_back_what_it_wrote_from_a_span()
    {
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var encoded = _framer.Encode(payload);
        Assert.Equal(0x01, encoded[0]);
        Assert.Equal(0x2C, encoded[1]);
        Assert.True(_framer.TryReadFrame(encoded, out var frame, out var consumed));
        Assert.Equal(payload, frame.ToArray());
        Assert.Equal(encoded.Length, consumed);
    }

    [Fact]
    public void Reads_an_empty_frame()
    {
        Assert.True(_framer.TryReadFrame([0, 0], out var frame, out var consumed));
        Assert.Equal(0, frame.Length);
        Assert.Equal(2, consumed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Asks_for_more_bytes_when_the_span_holds_a_partial_frame(int length)
    {
        var encoded = _framer.Encode([1, 2, 3]);
        Assert.False(_framer.TryReadFrame(encoded.AsSpan(0, length), out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Rejects_frame_longer_than_max_frame_size_before_the_body_arrives()
    {
        var ex = Assert.Throws<ProtocolViolationException>(() => _framer.TryReadFrame([0x03, 0xE9], out _, out _));
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
        Assert.Contains("mesh.link.max-frame-size", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.ClosesLink);
    }

    [Fact]
    public void Accepts_a_frame_of_exactly_max_frame_size()
    {
        var encoded = _framer.Encode(new byte[1000]);
        Assert.True(_framer.TryReadFrame(encoded, out var frame, out _));
        Assert.Equal(1000, frame.Length);
    }

    [Fact]
    public void Reads_frames_split_across_pipe_segments()
    {
        var a = _framer.Encode([1, 2, 3, 4, 5]);
        var b = _framer.Encode([9]);
        var all = a.Concat(b).ToArray();
        var buffer = SegmentedSequence.Create(all[..1], all[1..4], all[4..]);

        Assert.True(_framer.TryReadFrame(ref buffer, out var first));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, first.ToArray());
        Assert.True(_framer.TryReadFrame(ref buffer, out var second));
        Assert.Equal(new byte[] { 9 }, second.ToArray());
        Assert.True(buffer.IsEmpty);
        Assert.False(_framer.TryReadFrame(ref buffer, out _));
    }

    [Fact]
    public void Leaves_the_sequence_untouched_when_a_frame_is_incomplete()
    {
        var encoded = _framer.Encode([1, 2, 3]);
        var buffer = SegmentedSequence.Create(encoded[..1], encoded[1..4]);
        Assert.False(_framer.TryReadFrame(ref buffer, out _));
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void Rejects_an_oversized_length_split_across_pipe_segments()
    {
        var buffer = SegmentedSequence.Create([0xFF], [0xFF]);
        var ex = Assert.Throws<ProtocolViolationException>(() => _framer.TryReadFrame(ref buffer, out _));
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
    }

    [Fact]
    public void Complete_buffer_decoder_reports_truncation()
    {
        var encoded = _framer.Encode([1, 2, 3]);
        var ex = Assert.Throws<ProtocolViolationException>(() => _framer.DecodeSingle(encoded.AsSpan(0, 4)));
        Assert.Equal(ProtocolViolationReason.Truncated, ex.Reason);
    }

    [Fact]
    public void Complete_buffer_decoder_rejects_trailing_bytes()
    {
        var encoded = _framer.Encode([1, 2, 3]).Append((byte)0).ToArray();
        var ex = Assert.Throws<ProtocolViolationException>(() => _framer.DecodeSingle(encoded));
        Assert.Equal(ProtocolViolationReason.MalformedMessage, ex.Reason);
    }

    [Fact]
    public void Complete_buffer_decoder_returns_the_body()
    {
        Assert.Equal(new byte[] { 7, 8 }, _framer.DecodeSingle([0, 2, 7, 8]).ToArray());
    }

    [Fact]
    public void Refuses_to_write_a_payload_above_the_maximum()
    {
        Assert.Throws<ArgumentException>(() => _framer.Encode(new byte[1001]));
    }

    [Fact]
    public void Writes_through_a_buffer_writer()
    {
        var writer = new ArrayBufferWriter<byte>();
        _framer.WriteFrame([5, 6], writer);
        Assert.Equal(new byte[] { 0, 2, 5, 6 }, writer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Refuses_a_maximum_outside_the_16_bit_range(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixFramer(max));
    }
}
