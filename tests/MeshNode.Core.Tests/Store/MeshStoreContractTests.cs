using MeshNode.Core.Store;

namespace MeshNode.Core.Tests.Store;

/// <summary>What every <see cref="IMeshStore"/> does, on disk or ephemeral alike.</summary>
public abstract class MeshStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static readonly MeshStoreSettings SmallBounds = new()
    {
        MaxHistoryPerConversation = 5,
        MaxOutboxPerDestination = 3,
        MaxEnvelopeBytes = 64,
    };

    protected IMeshStore Store { get; private set; } = null!;

    protected abstract Task<IMeshStore> OpenAsync(MeshStoreSettings settings);

    public virtual async Task InitializeAsync()
    {
        Store = await OpenAsync(SmallBounds);
    }

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
    }

    [Fact]
    public async Task First_sighting_pins_the_keys()
    {
        var result = await Store.CheckPeerAsync(Sighting("n1", identity: 1, sealing: 2));

        Assert.Equal(TofuOutcome.New, result.Outcome);
        var peer = await Store.GetPeerAsync("n1");
        Assert.NotNull(peer);
        Assert.Equal(PeerTrustState.Pinned, peer.TrustState);
        Assert.Equal(Key(1), peer.IdentityKey);
        Assert.Equal(Key(2), peer.SealingKey);
        Assert.Equal(T0, peer.FirstSeen);
        Assert.Equal(["10.0.0.1:4000"], peer.LastEndpoints);
    }

    [Fact]
    public async Task Same_keys_again_match_and_refresh_name_time_and_endpoints()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));

        var result = await Store.CheckPeerAsync(Sighting("n1", 1, 2, name: "alice-laptop", at: T0.AddMinutes(5), endpoint: "10.0.0.9:4001"));

        Assert.Equal(TofuOutcome.Match, result.Outcome);
        Assert.Equal("alice-laptop", result.Peer.DisplayName);
        Assert.Equal(T0.AddMinutes(5), result.Peer.LastSeen);
        Assert.Equal(T0, result.Peer.FirstSeen);
        Assert.Equal(["10.0.0.9:4001"], result.Peer.LastEndpoints);
    }

    [Fact]
    public async Task A_changed_key_is_reported_and_kept_pending_never_replacing_the_pinned_one()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));

        var result = await Store.CheckPeerAsync(Sighting("n1", 7, 8, name: "impostor", endpoint: "6.6.6.6:1"));

        Assert.Equal(TofuOutcome.KeyChanged, result.Outcome);
        Assert.Equal(Fingerprint(1), result.OldFingerprint);
        Assert.Equal(Fingerprint(7), result.NewFingerprint);
        var peer = (await Store.GetPeerAsync("n1"))!;
        Assert.Equal(PeerTrustState.KeyChanged, peer.TrustState);
        Assert.Equal(Key(1), peer.IdentityKey);
        Assert.Equal(Key(7), peer.PendingIdentityKey);
        Assert.Equal(Key(8), peer.PendingSealingKey);
        Assert.Equal("alice", peer.DisplayName);
        Assert.Equal(["10.0.0.1:4000"], peer.LastEndpoints);
    }

    [Fact]
    public async Task A_changed_sealing_key_alone_is_a_key_change_too()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));

        var result = await Store.CheckPeerAsync(Sighting("n1", 1, 3));

        Assert.Equal(TofuOutcome.KeyChanged, result.Outcome);
    }

    [Fact]
    public async Task Trusting_the_pending_fingerprint_replaces_the_keys_and_verifies()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.CheckPeerAsync(Sighting("n1", 7, 8));

        var result = await Store.TrustAsync("n1", Spaced(Fingerprint(7)));

        Assert.Equal(TrustResult.Trusted, result);
        var peer = (await Store.GetPeerAsync("n1"))!;
        Assert.Equal(PeerTrustState.Verified, peer.TrustState);
        Assert.Equal(Key(7), peer.IdentityKey);
        Assert.Equal(Key(8), peer.SealingKey);
        Assert.Null(peer.PendingIdentityKey);
        Assert.Equal(TofuOutcome.Match, (await Store.CheckPeerAsync(Sighting("n1", 7, 8))).Outcome);
    }

    [Fact]
    public async Task Trusting_the_pinned_fingerprint_keeps_the_old_key_and_drops_the_pending_one()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.CheckPeerAsync(Sighting("n1", 7, 8));

        Assert.Equal(TrustResult.Trusted, await Store.TrustAsync("n1", Fingerprint(1).ToUpperInvariant()));

        var peer = (await Store.GetPeerAsync("n1"))!;
        Assert.Equal(Key(1), peer.IdentityKey);
        Assert.Null(peer.PendingIdentityKey);
        Assert.Equal(PeerTrustState.Verified, peer.TrustState);
    }

    [Fact]
    public async Task Trust_with_a_wrong_fingerprint_or_unknown_peer_changes_nothing()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.CheckPeerAsync(Sighting("n1", 7, 8));

        Assert.Equal(TrustResult.FingerprintMismatch, await Store.TrustAsync("n1", Fingerprint(9)));
        Assert.Equal(TrustResult.UnknownPeer, await Store.TrustAsync("n2", Fingerprint(1)));
        var peer = (await Store.GetPeerAsync("n1"))!;
        Assert.Equal(PeerTrustState.KeyChanged, peer.TrustState);
        Assert.Equal(Key(1), peer.IdentityKey);
    }

    [Fact]
    public async Task Lists_peers_most_recently_seen_first()
    {
        await Store.CheckPeerAsync(Sighting("old", 1, 2, at: T0));
        await Store.CheckPeerAsync(Sighting("new", 3, 4, at: T0.AddHours(1)));

        var peers = await Store.GetPeersAsync();

        Assert.Equal(["new", "old"], peers.Select(p => p.NodeId));
    }

    [Fact]
    public async Task Stores_messages_with_every_field_and_ignores_a_repeated_id()
    {
        var message = Message("m1", "peer-b") with
        {
            Security = MessageSecurity.EndToEnd,
            Hops = 3,
            Flags = ChatMessageFlags.FromChangedKey,
        };

        Assert.True(await Store.AddMessageAsync(message));
        Assert.False(await Store.AddMessageAsync(message with { Text = "changed" }));

        var stored = Assert.Single(await Store.GetHistoryAsync("peer-b", 10));
        Assert.Equal(message with { Sequence = stored.Sequence }, stored);
        Assert.True(stored.Sequence > 0);
    }

    [Fact]
    public async Task Pages_history_newest_first_per_conversation()
    {
        for (var i = 1; i <= 4; i++)
        {
            await Store.AddMessageAsync(Message($"all-{i}", ChatConversations.All));
            await Store.AddMessageAsync(Message($"direct-{i}", "peer-b"));
        }

        var first = await Store.GetHistoryAsync(ChatConversations.All, 3);
        var second = await Store.GetHistoryAsync(ChatConversations.All, 3, first[^1].Sequence);

        Assert.Equal(["all-4", "all-3", "all-2"], first.Select(m => m.MessageId));
        Assert.Equal(["all-1"], second.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Keeps_at_most_the_configured_history_per_conversation()
    {
        for (var i = 1; i <= 8; i++)
        {
            await Store.AddMessageAsync(Message($"m{i}", "peer-b"));
        }

        await Store.AddMessageAsync(Message("other", "peer-c"));

        var kept = await Store.GetHistoryAsync("peer-b", 100);
        Assert.Equal(["m8", "m7", "m6", "m5", "m4"], kept.Select(m => m.MessageId));
        Assert.Single(await Store.GetHistoryAsync("peer-c", 100));
    }

    [Fact]
    public async Task Lists_conversations_most_recently_active_first()
    {
        await Store.AddMessageAsync(Message("a1", ChatConversations.All));
        await Store.AddMessageAsync(Message("b1", "peer-b") with { ReceivedAt = T0.AddMinutes(3) });
        await Store.AddMessageAsync(Message("a2", ChatConversations.All) with { ReceivedAt = T0.AddMinutes(5) });

        var conversations = await Store.GetConversationsAsync();

        Assert.Equal(
            [new ConversationSummary(ChatConversations.All, 2, T0.AddMinutes(5)), new ConversationSummary("peer-b", 1, T0.AddMinutes(3))],
            conversations);
    }

    [Fact]
    public async Task Marks_a_message_delivered()
    {
        await Store.AddMessageAsync(Message("m1", "peer-b"));

        Assert.True(await Store.MarkDeliveredAsync("m1", T0.AddSeconds(2)));
        Assert.False(await Store.MarkDeliveredAsync("nope", T0));

        Assert.Equal(T0.AddSeconds(2), (await Store.GetHistoryAsync("peer-b", 1))[0].DeliveredAt);
    }

    [Fact]
    public async Task Outbox_returns_due_items_oldest_first_and_counts_attempts()
    {
        await Store.EnqueueAsync(Item("a", "dest", created: T0, next: T0));
        await Store.EnqueueAsync(Item("b", "dest", created: T0.AddSeconds(1), next: T0.AddMinutes(10)));
        await Store.EnqueueAsync(Item("c", "dest", created: T0.AddSeconds(2), next: T0));
        await Store.EnqueueAsync(Item("x", "elsewhere", created: T0, next: T0));

        var due = await Store.GetDueAsync("dest", T0.AddSeconds(5), 10);
        Assert.Equal(["a", "c"], due.Select(i => i.MessageId));
        Assert.Equal([1, 2, 3], due[0].Envelope);

        Assert.True(await Store.RecordAttemptAsync("a", T0.AddMinutes(1)));
        var later = await Store.GetDueAsync("dest", T0.AddMinutes(1), 10);
        Assert.Equal(["a", "c"], later.Select(i => i.MessageId));
        Assert.Equal(1, later[0].Attempts);
        Assert.Equal(["dest", "elsewhere"], await Store.GetOutboxDestinationsAsync());
    }

    [Fact]
    public async Task Outbox_refuses_duplicates_and_more_than_the_bound_per_destination()
    {
        Assert.Equal(OutboxEnqueueResult.Added, await Store.EnqueueAsync(Item("a", "dest")));
        Assert.Equal(OutboxEnqueueResult.Duplicate, await Store.EnqueueAsync(Item("a", "dest")));
        Assert.Equal(OutboxEnqueueResult.Added, await Store.EnqueueAsync(Item("b", "dest")));
        Assert.Equal(OutboxEnqueueResult.Added, await Store.EnqueueAsync(Item("c", "dest")));

        Assert.Equal(OutboxEnqueueResult.Full, await Store.EnqueueAsync(Item("d", "dest")));
        Assert.Equal(OutboxEnqueueResult.Added, await Store.EnqueueAsync(Item("e", "other")));
    }

    [Fact]
    public async Task Delivered_items_leave_the_outbox()
    {
        await Store.EnqueueAsync(Item("a", "dest"));

        Assert.True(await Store.MarkOutboxDeliveredAsync("a"));
        Assert.False(await Store.MarkOutboxDeliveredAsync("a"));

        Assert.Empty(await Store.GetDueAsync("dest", T0.AddDays(1), 10));
        Assert.Empty(await Store.GetOutboxDestinationsAsync());
    }

    [Fact]
    public async Task Expiry_removes_and_returns_expired_items_only()
    {
        await Store.EnqueueAsync(Item("short", "dest", expires: T0.AddMinutes(1)));
        await Store.EnqueueAsync(Item("long", "dest", expires: T0.AddHours(1)));

        Assert.Equal(["long"], (await Store.GetDueAsync("dest", T0.AddMinutes(1), 10)).Select(i => i.MessageId));
        var expired = await Store.ExpireOutboxAsync(T0.AddMinutes(1));

        Assert.Equal(["short"], expired.Select(i => i.MessageId));
        Assert.Equal(["long"], (await Store.GetDueAsync("dest", T0.AddMinutes(2), 10)).Select(i => i.MessageId));
    }

    [Fact]
    public async Task An_oversized_envelope_is_refused_naming_the_setting_and_other_tables_stay_intact()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.AddMessageAsync(Message("m1", "peer-b"));

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.EnqueueAsync(Item("big", "dest") with { Envelope = new byte[65] }));

        Assert.Contains(nameof(MeshStoreSettings.MaxEnvelopeBytes), error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetPeerAsync("n1"));
        Assert.Single(await Store.GetHistoryAsync("peer-b", 10));
        Assert.Empty(await Store.GetOutboxDestinationsAsync());
        Assert.Equal(OutboxEnqueueResult.Added, await Store.EnqueueAsync(Item("ok", "dest")));
    }

    [Fact]
    public async Task Concurrent_calls_are_serialized_without_losing_writes()
    {
        var writes = Enumerable.Range(0, 50).Select(i => Store.AddMessageAsync(Message($"m{i}", $"c{i % 10}")));

        await Task.WhenAll(writes);

        var total = 0;
        for (var c = 0; c < 10; c++)
        {
            total += (await Store.GetHistoryAsync($"c{c}", 100)).Count;
        }

        Assert.Equal(50, total);
    }

    protected static byte[] Key(int seed)
    {
        var key = new byte[32];
        new Random(seed).NextBytes(key);
        return key;
    }

    protected static string Fingerprint(int seed)
    {
        return MeshStoreSettings.Default.Fingerprint(Key(seed));
    }

    protected static PeerSighting Sighting(string id, int identity, int sealing, string name = "alice", DateTimeOffset? at = null, string endpoint = "10.0.0.1:4000")
    {
        return new PeerSighting(id, name, Key(identity), Key(sealing), at ?? T0, [endpoint]);
    }

    protected static ChatMessageRecord Message(string id, string conversation)
    {
        return new ChatMessageRecord(id, conversation, "peer-b", $"text of {id}", T0, T0.AddSeconds(1), MessageSecurity.Link, 1, ChatMessageFlags.None);
    }

    protected static OutboxItem Item(string id, string destination, DateTimeOffset? created = null, DateTimeOffset? next = null, DateTimeOffset? expires = null)
    {
        return new OutboxItem(id, destination, [1, 2, 3], created ?? T0, 0, next ?? T0, expires ?? T0.AddDays(7));
    }

    private static string Spaced(string fingerprint)
    {
        return string.Join(' ', fingerprint.Chunk(4).Select(c => new string(c)));
    }
}
