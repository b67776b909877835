using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>The protocol limits every actor enforces come from the settings, so a setting named in an error really moves the limit.</summary>
public sealed class LinkContextTests : IDisposable
{
    private readonly NodeIdentity _identity = NodeIdentity.Generate(SystemRandomSource.Instance);

    [Fact]
    public void Protocol_limits_follow_the_settings_not_the_protocol_defaults()
    {
        var d = MeshSettings.Defaults;
        var settings = d with
        {
            Envelope = d.Envelope with { MaxSize = 1000, MaxHopLimit = 9, MaxListItems = 7 },
            Chat = d.Chat with { MaxTextBytes = 10 },
            Topology = d.Topology with { MaxNeighbours = 3 },
            Transfers = d.Transfers with { MaxChunkSize = 20_000 },
            Discovery = d.Discovery with { MaxDatagramSize = 600, MaxClockSkew = TimeSpan.FromSeconds(7) },
            Link = d.Link with { MaxFrameSize = 2048, MaxExchangedPeers = 5 },
        };

        var context = new LinkContext(_identity, null, settings, TimeProvider.System, SystemRandomSource.Instance, new NodeCounters(), null);

        Assert.Equal(new EnvelopeLimits(1000, 9), context.EnvelopeLimits);
        Assert.Equal(10, context.BodyLimits.MaxChatTextBytes);
        Assert.Equal(3, context.BodyLimits.MaxNeighbours);
        Assert.Equal(7, context.BodyLimits.MaxListItems);
        Assert.Equal(20_000, context.BodyLimits.MaxChunkSize);
        Assert.Equal(new AnnounceLimits(600, TimeSpan.FromSeconds(7)), context.AnnounceLimits);
        Assert.Equal(new LinkFrameLimits(2048, 5), context.LinkFrameLimits);
    }

    [Fact]
    public void The_link_frame_limit_never_exceeds_the_largest_noise_plaintext()
    {
        var context = new LinkContext(_identity, null, MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, new NodeCounters(), null);

        Assert.Equal(LinkFrameLimits.DefaultMaxFrameSize, context.LinkFrameLimits.MaxFrameSize);
    }

    public void Dispose() => _identity.Dispose();
}
