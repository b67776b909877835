using MeshNode.Config;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Core.Tests.Links;

/// <summary>The flow-control and handshake settings the links read (<c>mesh.link.*</c>), as the node binds them.</summary>
public sealed class LinkSettingsTests
{
    [Fact]
    public void Defaults_grant_256_frames_and_4_MiB_topped_up_after_a_quarter_and_allow_64_pending_handshakes()
    {
        var link = MeshSettings.Defaults.Link;

        Assert.Equal(256, link.InitialCreditFrames);
        Assert.Equal(4 << 20, link.InitialCreditBytes);
        Assert.Equal(0.25, link.CreditGrantThreshold);
        Assert.Equal(64, link.MaxPendingHandshakes);
    }

    [Fact]
    public void A_byte_window_too_small_to_top_up_a_waiting_full_frame_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("mesh.link { initial-credit-bytes = 64KiB, credit-grant-threshold = 0.5 }"));

        Assert.Equal("mesh.link.initial-credit-bytes", error.Key);
        Assert.Contains("mesh.link.max-frame-size (65535 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_smaller_frame_size_allows_a_smaller_byte_window()
    {
        var link = Bind(
            "mesh.link { max-frame-size = 8KiB, initial-credit-bytes = 16KiB, credit-grant-threshold = 0.5 }\n"
            + "mesh.envelope.max-size = 8000\nmesh.transfers.chunk-size = 4KiB").Link;

        Assert.Equal(16 << 10, link.InitialCreditBytes);
    }

    [Theory]
    [InlineData("mesh.link.credit-grant-threshold = 1")]
    [InlineData("mesh.link.credit-grant-threshold = 0")]
    [InlineData("mesh.link.initial-credit-frames = 0")]
    [InlineData("mesh.link.max-pending-handshakes = 0")]
    public void Values_out_of_range_are_refused(string line)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(line));

        Assert.Equal(line.Split(' ')[0], error.Key);
    }

    private static MeshSettings Bind(string hocon) =>
        MeshSettings.From(new ConfigurationBuilder().AddHoconDefaults().AddHoconString(hocon, "test.conf", _ => null).Build());
}
