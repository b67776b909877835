using MeshNode.Actors;
using MeshNode.Actors.TestKit;
using MeshNode.Config;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Topology;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Topology;

/// <summary>The topology actor on virtual time: its periodic re-issue follows <c>mesh.topology.reissue-interval</c>.</summary>
public sealed class TopologyActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output, new TestScheduler()), IDisposable
{
    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);

    [Fact]
    public async Task Reissues_its_link_state_after_the_configured_reissue_interval()
    {
        var settings = MeshSettings.Defaults with { Topology = MeshSettings.Defaults.Topology with { ReissueInterval = TimeSpan.FromSeconds(2) } };
        var context = new LinkContext(_self, null, settings, TestScheduler!, SystemRandomSource.Instance, new NodeCounters(), null);
        var router = CreateTestProbe("router");
        var chat = CreateTestProbe("chat");
        ActorOf(Props.Create(() => new TopologyActor(context, router.Ref, chat.Ref)));
        var first = (RouteEnvelope)await router.FishForMessageAsync(m => m is RouteEnvelope);

        TestScheduler!.Advance(TimeSpan.FromSeconds(2));

        var second = (RouteEnvelope)await router.FishForMessageAsync(m => m is RouteEnvelope);
        Assert.NotEqual(first.Envelope.Id, second.Envelope.Id);
    }

    public void Dispose() => _self.Dispose();
}
