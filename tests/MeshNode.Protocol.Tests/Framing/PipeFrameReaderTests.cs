using System.IO.Pipelines;
using MeshNode.Protocol.Framing;

namespace MeshNode.Protocol.Tests.Framing;

public class PipeFrameReaderTests
{
    private readonly LengthPrefixFramer _framer = new(100);

    [Fact]
    public async Task Reads_frames_written_in_pieces_then_reports_the_clean_end()
    {
        var pipe = new Pipe();
        var reader = new PipeFrameReader(pipe.Reader, _framer);
        var bytes = _framer.Encode([1, 2, 3]).Concat(_framer.Encode([4])).ToArray();

        await pipe.Writer.WriteAsync(bytes.AsMemory(0, 1));
        var first = reader.ReadFrameAsync().AsTask();
        Assert.False(first.IsCompleted);
        await pipe.Writer.WriteAsync(bytes.AsMemory(1));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(new byte[] { 1, 2, 3 }, await first.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(new byte[] { 4 }, await reader.ReadFrameAsync());
        Assert.Null(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task Reports_truncation_when_the_stream_ends_inside_a_frame()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 5, 1, 2 });
        await pipe.Writer.CompleteAsync();
        var ex = await Assert.ThrowsAsync<ProtocolViolationException>(async () => await new PipeFrameReader(pipe.Reader, _framer).ReadFrameAsync());
        Assert.Equal(ProtocolViolationReason.Truncated, ex.Reason);
    }

    [Fact]
    public async Task Refuses_an_oversized_length_without_waiting_for_the_body()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0xFF, 0x00 });
        var ex = await Assert.ThrowsAsync<ProtocolViolationException>(async () => await new PipeFrameReader(pipe.Reader, _framer).ReadFrameAsync());
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
    }

    [Fact]
    public async Task A_cancelled_read_keeps_the_partial_frame_for_the_next_call()
    {
        var pipe = new Pipe();
        var reader = new PipeFrameReader(pipe.Reader, _framer);
        await pipe.Writer.WriteAsync(new byte[] { 0, 2, 7 });
        var pending = reader.ReadFrameAsync().AsTask();
        pipe.Reader.CancelPendingRead();
        await Assert.ThrowsAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));

        await pipe.Writer.WriteAsync(new byte[] { 8 });
        Assert.Equal(new byte[] { 7, 8 }, await reader.ReadFrameAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
