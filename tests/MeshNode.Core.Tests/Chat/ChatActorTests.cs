using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Chat;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Store;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using Xunit.Abstractions;

namespace MeshNode.Core.Tests.Chat;

public sealed class ChatActorTests(ITestOutputHelper output) : Actors.TestKit.TestKit(output), IDisposable
{
    private static readonly byte[] Salt = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6];

    private readonly NodeIdentity _self = NodeIdentity.Generate(SystemRandomSource.Instance);

    [Fact]
    public async Task A_broadcast_in_passphrase_mode_is_sealed_with_the_network_key()
    {
        using var key = NetworkKey.Derive("secret", Salt, NetworkKey.MinIterations);
        using var fernet = key.CreateCodec(TimeProvider.System, SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var (chat, router) = Start(store, key, fernet);

        var outcome = await chat.Ask<SendOutcome>(new SendToAll("hello"), TimeSpan.FromSeconds(10));

        var routed = await router.ExpectMsgAsync<RouteEnvelope>();
        Assert.Equal(outcome.MessageId, routed.Envelope.Id.ToString());
        Assert.Equal(EnvelopeProtection.Network, routed.Envelope.Protection);
        Assert.True(routed.Envelope.IsBroadcast);
        Assert.False(outcome.Queued);
    }

    [Fact]
    public async Task A_broadcast_sent_with_no_links_warns_that_it_reached_nobody()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var warnings = CreateTestProbe("warnings");
        Sys.EventStream.Subscribe(warnings.Ref, typeof(NodeWarning));
        var (chat, router) = Start(store, null, null);

        var outcome = await chat.Ask<SendOutcome>(new SendToAll("anyone there?"), TimeSpan.FromSeconds(10));

        await router.ExpectMsgAsync<RouteEnvelope>();
        var warning = await warnings.ExpectMsgAsync<NodeWarning>();
        Assert.Contains(outcome.MessageId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("reached nobody", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_recipient_and_an_empty_message_without_sending()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var (chat, router) = Start(store, null, null);

        await Assert.ThrowsAsync<NodeCommandException>(() => chat.Ask<SendOutcome>(new SendDirect("nobody", "hi"), TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<NodeCommandException>(() => chat.Ask<SendOutcome>(new SendToAll(string.Empty), TimeSpan.FromSeconds(10)));
        await router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Refuses_a_message_longer_than_a_lowered_mesh_chat_max_text_bytes_naming_the_setting()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var settings = MeshSettings.Defaults with { Chat = MeshSettings.Defaults.Chat with { MaxTextBytes = 8 } };
        var (chat, router) = Start(store, null, null, settings);

        var error = await Assert.ThrowsAsync<NodeCommandException>(() => chat.Ask<SendOutcome>(new SendToAll("123456789"), TimeSpan.FromSeconds(10)));
        Assert.Contains("mesh.chat.max-text-bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 8 bytes", error.Message, StringComparison.Ordinal);
        await router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        await chat.Ask<SendOutcome>(new SendToAll("12345678"), TimeSpan.FromSeconds(10));
        await router.ExpectMsgAsync<RouteEnvelope>();
    }

    public void Dispose() => _self.Dispose();

    private (IActorRef Chat, Actors.TestKit.TestProbe Router) Start(IMeshStore store, NetworkKey? key, FernetCodec? fernet, MeshSettings? settings = null)
    {
        var context = new LinkContext(_self, key, settings ?? MeshSettings.Defaults, TimeProvider.System, SystemRandomSource.Instance, new NodeCounters(), fernet);
        var router = CreateTestProbe("router");
        var persistence = new ChatPersistence(store, context);
        var chat = ActorOf(Props.Create(() => new ChatActor(context, router.Ref, store, persistence)));
        return (chat, router);
    }
}
