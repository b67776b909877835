using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>
/// The link actor against hand-driven peers: the frame bound is the node's <c>mesh.link.max-frame-size</c>,
/// and envelopes follow the credit the peer grants (docs/protocol.md, FlowCredit).
/// </summary>
public sealed class LinkActorTests
{
    private const int Capacity = 16;

    [Fact]
    public async Task A_node_with_a_lowered_max_frame_size_closes_a_link_that_sends_a_longer_frame_naming_the_setting()
    {
        var network = new InMemoryNetwork(seed: 11);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idB = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var storeA = await SqliteMeshStore.OpenEphemeralAsync();
        await using var storeB = await SqliteMeshStore.OpenEphemeralAsync();
        var d = MeshSettings.Defaults;
        var small = d with
        {
            Link = d.Link with { MaxFrameSize = 1024 },
            Envelope = d.Envelope with { MaxSize = 1024 - EnvelopeSettings.FrameOverhead },
        };
        var a = await StartAsync(network, "a", idA, storeA, [], small);
        var recorderA = new NodeRecorder(a);
        var b = await StartAsync(network, "b", idB, storeB, [a.ListenEndpoint], d);
        var recorderB = new NodeRecorder(b);
        try
        {
            await recorderA.WaitForAsync<LinkUp>(l => l.NodeId == b.NodeId, MeshHarness.Timeout);
            await recorderB.WaitForAsync<LinkUp>(l => l.NodeId == a.NodeId, MeshHarness.Timeout);

            await b.SendToAllAsync(new string('x', 2000));

            var down = await recorderA.WaitForAsync<LinkDown>(l => l.NodeId == b.NodeId, MeshHarness.Timeout);
            Assert.Contains("mesh.link.max-frame-size = 1024", down.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await a.StopAsync();
            await b.StopAsync();
        }
    }

    [Fact]
    public async Task A_peer_that_never_grants_credit_gets_no_envelope_and_the_queue_stays_bounded_dropping_the_oldest_with_a_warning()
    {
        var network = new InMemoryNetwork(seed: 12);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var d = MeshSettings.Defaults;
        var settings = d with
        {
            Link = d.Link with { SendQueueCapacity = Capacity },
            Router = d.Router with { Broadcast = BroadcastMode.Flood },
        };
        var a = await StartAsync(network, "a", idA, store, [], settings);
        var recorder = new NodeRecorder(a);
        try
        {
            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            var first = await peer.ReceiveAsync();
            Assert.Equal(new FlowCreditFrame((uint)d.Link.InitialCreditFrames, (uint)d.Link.InitialCreditBytes), first);
            await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);

            var sent = new List<string>();
            for (var i = 0; i < Capacity * 3; i++)
            {
                sent.Add((await a.SendToAllAsync($"m{i}")).MessageId);
            }

            var warning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains($"mesh.link.send-queue-capacity = {Capacity}", StringComparison.Ordinal), MeshHarness.Timeout);
            Assert.Contains($"/user/node/links/peer-{idPeer.Id.Short}:", warning.Message, StringComparison.Ordinal);
            Assert.Contains("dropped the oldest envelope frame", warning.Message, StringComparison.Ordinal);

            // Sends return when the chat actor has made the envelope, before the link queued it: wait
            // until every message has been through the queue (all but a queue's worth dropped).
            var counters = ((MeshNodeInstance)a).Counters;
            await Actors.TestKit.TestKit.AwaitAssertAsync(
                () => Assert.True(counters.DroppedSends >= Capacity * 2, $"dropped {counters.DroppedSends}"), MeshHarness.Timeout);

            // Credit at last: what waited comes out, the newest at most a queue's worth, the oldest gone.
            await peer.SendAsync(new FlowCreditFrame(10_000, 64 << 20));
            var received = new List<string>();
            while (received.Count == 0 || received[^1] != sent[^1])
            {
                var envelope = await peer.ReceiveAsync<EnvelopeFrame>();
                received.Add(EnvelopeCodec.Verify(envelope.SignedEnvelope, EnvelopeLimits.Default).Id.ToString());
            }

            // Only the chat messages were all queued before the credit; a link-state record issued
            // after it can come out among them without ever having waited in the queue.
            var chats = received.Where(sent.Contains).ToList();
            Assert.True(chats.Count <= Capacity, $"{chats.Count} messages were queued, more than mesh.link.send-queue-capacity = {Capacity}");
            Assert.Equal(sent[^chats.Count..], chats);
            Assert.DoesNotContain(sent[0], received);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task A_peer_sending_beyond_its_credit_is_closed_as_overloaded_after_the_envelopes_within_it()
    {
        var network = new InMemoryNetwork(seed: 13);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var d = MeshSettings.Defaults;
        var settings = d with { Link = d.Link with { InitialCreditFrames = 3, CreditGrantThreshold = 0.99 } };
        var a = await StartAsync(network, "a", idA, store, [], settings);
        var recorder = new NodeRecorder(a);
        try
        {
            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            Assert.Equal(3u, (await peer.ReceiveAsync<FlowCreditFrame>()).Frames);
            var burst = Enumerable.Range(0, 4).Select(i => peer.Broadcast($"burst {i}")).ToList();

            await peer.SendAllAsync(burst.Select(e => new EnvelopeFrame(e.Encoded)));

            var close = await peer.ReceiveAsync<CloseFrame>();
            Assert.Equal(LinkCloseReason.Overloaded, close.Reason);
            Assert.Contains("beyond its credit", close.Text, StringComparison.Ordinal);
            var down = await recorder.WaitForAsync<LinkDown>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);
            Assert.Contains("Overloaded", down.Reason, StringComparison.Ordinal);
            Assert.Contains("mesh.link.initial-credit-frames", down.Reason, StringComparison.Ordinal);
            foreach (var within in burst.Take(3))
            {
                await recorder.WaitForAsync<ChatReceived>(c => c.MessageId == within.Id.ToString(), MeshHarness.Timeout);
            }

            Assert.Empty(recorder.All<ChatReceived>(c => c.MessageId == burst[3].Id.ToString()));
            Assert.Equal(1, ((MeshNodeInstance)a).Counters.RejectedFrames);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task A_peer_that_waits_for_its_grants_streams_far_beyond_the_initial_credit()
    {
        var network = new InMemoryNetwork(seed: 14);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var d = MeshSettings.Defaults;
        var settings = d with { Link = d.Link with { InitialCreditFrames = 4, CreditGrantThreshold = 0.5 } };
        var a = await StartAsync(network, "a", idA, store, [], settings);
        var recorder = new NodeRecorder(a);
        try
        {
            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            var credit = (long)(await peer.ReceiveAsync<FlowCreditFrame>()).Frames;
            var sent = new List<VerifiedEnvelope>();
            for (var i = 0; i < 20; i++)
            {
                while (credit == 0)
                {
                    credit += (await peer.ReceiveAsync<FlowCreditFrame>()).Frames;
                }

                var envelope = peer.Broadcast($"paced {i}");
                await peer.SendAsync(new EnvelopeFrame(envelope.Encoded));
                sent.Add(envelope);
                credit--;
            }

            foreach (var envelope in sent)
            {
                await recorder.WaitForAsync<ChatReceived>(c => c.MessageId == envelope.Id.ToString(), MeshHarness.Timeout);
            }

            Assert.Empty(recorder.All<LinkDown>());
        }
        finally
        {
            await a.StopAsync();
        }
    }

    private static Task<IMeshNode> StartAsync(InMemoryNetwork network, string name, NodeIdentity identity, IMeshStore store, IReadOnlyList<TransportEndpoint> peers, MeshSettings settings) =>
        MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = settings with { Node = settings.Node with { Name = name } },
            Identity = identity,
            Store = store,
            Transport = network.CreateTransport($"host-{name}"),
            ListenEndpoint = new TransportEndpoint($"host-{name}", 7000),
            StaticPeers = peers,
            DiscoveryEnabled = false,
        });
}
