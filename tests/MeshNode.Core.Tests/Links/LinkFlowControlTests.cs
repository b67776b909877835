using MeshNode.Core.Links;
using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Tests.Links;

public sealed class LinkFlowControlTests
{
    [Fact]
    public void The_initial_grant_is_the_whole_window_and_sending_starts_at_zero()
    {
        var flow = new LinkFlowControl(8, 4096, 0.25);

        Assert.Equal(new FlowCreditFrame(8, 4096), flow.InitialGrant());
        Assert.False(flow.CanSend(1));
        Assert.Equal(8, flow.ReceiveFrames);
        Assert.Equal(4096, flow.ReceiveBytes);
    }

    [Fact]
    public void An_envelope_beyond_the_frames_granted_is_refused_and_charges_nothing()
    {
        var flow = new LinkFlowControl(2, 4096, 0.99);

        Assert.True(flow.TryReceive(10));
        Assert.True(flow.TryReceive(10));
        Assert.False(flow.TryReceive(10));
        Assert.Equal(0, flow.ReceiveFrames);
        Assert.Equal(4076, flow.ReceiveBytes);
    }

    [Fact]
    public void An_envelope_beyond_the_bytes_granted_is_refused()
    {
        var flow = new LinkFlowControl(100, 1000, 0.99);

        Assert.True(flow.TryReceive(600));
        Assert.False(flow.TryReceive(401));
        Assert.True(flow.TryReceive(400));
    }

    [Fact]
    public void A_top_up_comes_once_the_threshold_of_frames_is_consumed_and_restores_the_window()
    {
        var flow = new LinkFlowControl(8, 1 << 20, 0.25);
        flow.TryReceive(100);
        flow.Consumed(100);
        Assert.Null(flow.TakeGrant());

        flow.TryReceive(100);
        flow.Consumed(100);
        var grant = flow.TakeGrant();

        Assert.Equal(new FlowCreditFrame(2, 200), grant);
        Assert.Equal(8, flow.ReceiveFrames);
        Assert.Equal(1 << 20, flow.ReceiveBytes);
        Assert.Null(flow.TakeGrant());
    }

    [Fact]
    public void A_top_up_comes_once_the_threshold_of_bytes_is_consumed()
    {
        var flow = new LinkFlowControl(1000, 1000, 0.5);
        flow.TryReceive(499);
        flow.Consumed(499);
        Assert.Null(flow.TakeGrant());

        flow.TryReceive(1);
        flow.Consumed(1);

        Assert.Equal(new FlowCreditFrame(2, 500), flow.TakeGrant());
    }

    [Fact]
    public void Received_but_not_yet_consumed_envelopes_keep_their_credit_charged()
    {
        var flow = new LinkFlowControl(2, 1000, 0.5);
        flow.TryReceive(10);
        flow.TryReceive(10);

        Assert.Null(flow.TakeGrant());
        Assert.False(flow.TryReceive(10));
    }

    [Fact]
    public void Sending_follows_the_peers_grants_in_frames_and_bytes()
    {
        var flow = new LinkFlowControl(8, 4096, 0.25);
        flow.Granted(new FlowCreditFrame(2, 150));

        Assert.True(flow.CanSend(100));
        flow.Sent(100);
        Assert.False(flow.CanSend(51));
        Assert.True(flow.CanSend(50));
        flow.Sent(50);
        Assert.False(flow.CanSend(0));
        Assert.Equal(0, flow.SendFrames);
        Assert.Equal(0, flow.SendBytes);
    }

    [Fact]
    public void Grants_from_a_peer_saturate_instead_of_overflowing()
    {
        var flow = new LinkFlowControl(8, 4096, 0.25);
        for (var i = 0; i < 5; i++)
        {
            flow.Granted(new FlowCreditFrame(uint.MaxValue, uint.MaxValue));
        }

        Assert.True(flow.SendFrames > uint.MaxValue);
        Assert.True(flow.CanSend(int.MaxValue));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkFlowControl(8, 4096, threshold));
    }
}
