using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Chat;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Topology;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Chat;

/// <summary>Retries and the outbox resend the one signed envelope of a direct message; the recipient shows it once.</summary>
public sealed class ChatRetryTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly NodeIdentity _alice = NodeIdentity.Generate(SystemRandomSource.Instance);
    private readonly NodeIdentity _bob = NodeIdentity.Generate(SystemRandomSource.Instance);

    [Fact]
    public async Task A_message_retried_after_a_lost_receipt_keeps_its_envelope_is_shown_once_and_receipted()
    {
        await using var aliceStore = await SqliteMeshStore.OpenEphemeralAsync();
        await using var bobStore = await SqliteMeshStore.OpenEphemeralAsync();
        var aliceTime = new ManualTimeProvider();
        var (alice, aliceRouter) = Start(_alice, aliceStore, aliceTime);
        var (bob, bobRouter) = Start(_bob, bobStore, TimeProvider.System);
        var events = CreateTestProbe("events");
        Sys.EventStream.Subscribe(events.Ref, typeof(ChatReceived));
        Sys.EventStream.Subscribe(events.Ref, typeof(ChatDelivered));
        alice.Tell(new LinkAttached(PeerOf(_bob, "bob"), TestActor));
        bob.Tell(new LinkAttached(PeerOf(_alice, "alice"), TestActor));

        var sent = await alice.Ask<SendOutcome>(new SendDirect("bob", "are you there?"), Wait);
        var first = (await aliceRouter.ExpectMsgAsync<RouteEnvelope>()).Envelope;
        Assert.Equal(sent.MessageId, first.Id.ToString());
        bob.Tell(new DeliverEnvelope(first, _alice.Id));
        Assert.Equal("are you there?", (await events.ExpectMsgAsync<ChatReceived>()).Text);
        var lostReceipt = (await bobRouter.ExpectMsgAsync<RouteEnvelope>()).Envelope;
        Assert.Equal(EnvelopeBodyType.DeliveryReceipt, lostReceipt.BodyType);

        // The receipt never reaches alice: past the backoff, her retry tick resends.
        aliceTime.Advance(TimeSpan.FromSeconds(3));
        var retry = (await aliceRouter.ExpectMsgAsync<RouteEnvelope>(Wait)).Envelope;
        Assert.Equal(first.Id, retry.Id);
        Assert.True(first.Encoded.Span.SequenceEqual(retry.Encoded.Span));

        bob.Tell(new DeliverEnvelope(retry, _alice.Id));
        var receipt = (await bobRouter.ExpectMsgAsync<RouteEnvelope>()).Envelope;
        Assert.Equal(EnvelopeBodyType.DeliveryReceipt, receipt.BodyType);
        alice.Tell(new DeliverEnvelope(receipt, _bob.Id));

        var delivered = await events.ExpectMsgAsync<ChatDelivered>();
        Assert.Equal(sent.MessageId, delivered.MessageId);
        await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Single(await bobStore.GetHistoryAsync(_alice.Id.ToString(), 10, null));
    }

    [Fact]
    public async Task The_outbox_after_a_restart_resends_the_stored_envelope_bytes()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var stored = OutboundEnvelopes.Create(
            ContextOf(_alice, TimeProvider.System),
            _bob.Id,
            new Protocol.Envelopes.Bodies.ChatBody("from the last run", 0, Protocol.Envelopes.Bodies.ChatScope.Direct),
            EnvelopeProtection.EndToEnd,
            _bob.SealingPublicKey);
        var now = DateTimeOffset.UtcNow;
        await store.EnqueueAsync(new OutboxItem(stored.Id.ToString(), _bob.Id.ToString(), stored.Encoded.ToArray(), now, 1, now, now.AddHours(1)));

        var (alice, router) = Start(_alice, store, TimeProvider.System);
        alice.Tell(new LinkAttached(PeerOf(_bob, "bob"), TestActor));

        var resent = (await router.ExpectMsgAsync<RouteEnvelope>(Wait)).Envelope;
        Assert.Equal(stored.Id, resent.Id);
        Assert.True(stored.Encoded.Span.SequenceEqual(resent.Encoded.Span));
    }

    [Fact]
    public async Task A_receipt_is_sent_again_when_the_recipients_view_of_the_mesh_changes_at_most_three_times()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var time = new ManualTimeProvider();
        var (bob, router) = Start(_bob, store, time);
        bob.Tell(new LinkAttached(PeerOf(_alice, "alice"), TestActor));
        var message = OutboundEnvelopes.Create(
            ContextOf(_alice, TimeProvider.System),
            _bob.Id,
            new Protocol.Envelopes.Bodies.ChatBody("hello", 0, Protocol.Envelopes.Bodies.ChatScope.Direct),
            EnvelopeProtection.EndToEnd,
            _bob.SealingPublicKey);

        bob.Tell(new DeliverEnvelope(message, _alice.Id));
        Assert.Equal(EnvelopeBodyType.DeliveryReceipt, (await router.ExpectMsgAsync<RouteEnvelope>()).Envelope.BodyType);

        // The path may have died under the receipt: a new view of the mesh sends it again.
        var reachable = new HashSet<NodeId> { _alice.Id };
        for (var i = 0; i < 3; i++)
        {
            bob.Tell(new ReachabilityChanged(reachable));
            var again = (await router.ExpectMsgAsync<RouteEnvelope>()).Envelope;
            Assert.Equal(_alice.Id, again.Destination);
            Assert.Equal(EnvelopeBodyType.DeliveryReceipt, again.BodyType);
        }

        bob.Tell(new ReachabilityChanged(reachable));
        await router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Recent_receipts_are_resent_only_within_their_window_grouped_by_origin()
    {
        var receipts = new RecentReceipts();
        var t0 = DateTimeOffset.UnixEpoch;
        receipts.Sent(_alice.Id, new EnvelopeId(1), t0);
        receipts.Sent(_alice.Id, new EnvelopeId(2), t0);
        receipts.Sent(_bob.Id, new EnvelopeId(3), t0 + RecentReceipts.Window);

        var due = receipts.TakeDue(t0 + TimeSpan.FromSeconds(1));
        Assert.Equal([new EnvelopeId(1), new EnvelopeId(2)], due.Single(d => d.Origin == _alice.Id).Ids);

        var later = receipts.TakeDue(t0 + RecentReceipts.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(_bob.Id, Assert.Single(later).Origin);
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    private static LinkContext ContextOf(NodeIdentity identity, TimeProvider time) =>
        new(identity, null, MeshSettings.Defaults, time, SystemRandomSource.Instance, new NodeCounters(), null);

    private static LinkPeer PeerOf(NodeIdentity identity, string name) =>
        new(identity.Id, name, identity.PublicKey, identity.SealingPublicKey, new TransportEndpoint("127.0.0.1", 1), Inbound: false);

    private (IActorRef Chat, Actors.TestKit.TestProbe Router) Start(NodeIdentity identity, IMeshStore store, TimeProvider time)
    {
        var context = ContextOf(identity, time);
        var router = CreateTestProbe($"router-{identity.Id.Short}");
        var persistence = new ChatPersistence(store, context);
        return (ActorOf(Props.Create(() => new ChatActor(context, router.Ref, store, persistence))), router);
    }
}
