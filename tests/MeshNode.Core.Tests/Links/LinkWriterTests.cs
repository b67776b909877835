using System.IO.Pipelines;
using MeshNode.Core.Links;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Noise;

namespace MeshNode.Core.Tests.Links;

public sealed class LinkWriterTests
{
    [Fact]
    public void Envelopes_beyond_the_unflushed_window_are_refused_while_control_frames_still_go_in()
    {
        var writer = new LinkWriter(1024, new LengthPrefixFramer(LengthPrefixFramer.AbsoluteMaxFrameSize));

        for (var i = 0; i < LinkWriter.EnvelopeWindow; i++)
        {
            Assert.True(writer.TryWriteEnvelope(Envelope(i)));
        }

        Assert.False(writer.TryWriteEnvelope(Envelope(99)));
        Assert.True(writer.TryWriteControl(new PingFrame(1, 0)));
    }

    [Fact]
    public void A_full_queue_refuses_control_frames()
    {
        var writer = new LinkWriter(2, new LengthPrefixFramer(LengthPrefixFramer.AbsoluteMaxFrameSize));

        Assert.True(writer.TryWriteControl(new PingFrame(1, 0)));
        Assert.True(writer.TryWriteControl(new PingFrame(2, 0)));
        Assert.False(writer.TryWriteControl(new PingFrame(3, 0)));
    }

    [Fact]
    public async Task After_a_refusal_the_loop_reports_the_drain_and_the_window_opens_again()
    {
        var writer = new LinkWriter(1024, new LengthPrefixFramer(LengthPrefixFramer.AbsoluteMaxFrameSize));
        for (var i = 0; i < LinkWriter.EnvelopeWindow; i++)
        {
            writer.TryWriteEnvelope(Envelope(i));
        }

        Assert.False(writer.TryWriteEnvelope(Envelope(99)));
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipe = new Pipe();
        using var transport = Transport();
        using var stop = new CancellationTokenSource();
        var loop = writer.RunAsync(pipe.Writer, transport, () => drained.TrySetResult(), stop.Token);

        await drained.Task.WaitAsync(MeshHarness.Timeout);

        Assert.True(writer.TryWriteEnvelope(Envelope(100)));
        writer.Complete();
        await loop.WaitAsync(MeshHarness.Timeout);
        var frames = 0;
        var reader = new PipeFrameReader(pipe.Reader, new LengthPrefixFramer(LengthPrefixFramer.AbsoluteMaxFrameSize));
        pipe.Writer.Complete();
        while (await reader.ReadFrameAsync() is not null)
        {
            frames++;
        }

        Assert.Equal(LinkWriter.EnvelopeWindow + 1, frames);
    }

    private static EnvelopeFrame Envelope(int marker) => new(new byte[] { (byte)marker, 1, 2, 3 });

    private static LinkTransport Transport()
    {
        var send = new CipherState(NoiseCipher.ChaChaPoly);
        send.InitializeKey(new byte[CipherState.KeySize]);
        var receive = new CipherState(NoiseCipher.ChaChaPoly);
        receive.InitializeKey(new byte[CipherState.KeySize]);
        return new LinkTransport(send, receive);
    }
}
