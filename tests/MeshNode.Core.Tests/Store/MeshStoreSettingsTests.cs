using MeshNode.Config;
using MeshNode.Core.Store;

namespace MeshNode.Core.Tests.Store;

/// <summary>The outbox bound comes from <c>mesh.router.store-and-forward-queue-size</c>.</summary>
public sealed class MeshStoreSettingsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static MeshSettings WithQueueSize(int size) =>
        MeshSettings.Defaults with { Router = MeshSettings.Defaults.Router with { StoreAndForwardQueueSize = size } };

    [Fact]
    public void Takes_the_outbox_bound_from_the_store_and_forward_queue_size()
    {
        Assert.Equal(256, MeshStoreSettings.From(MeshSettings.Defaults).MaxOutboxPerDestination);
        Assert.Equal(2, MeshStoreSettings.From(WithQueueSize(2)).MaxOutboxPerDestination);
    }

    [Fact]
    public async Task A_store_opened_with_a_queue_size_of_two_refuses_a_third_item_for_one_destination()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync(MeshStoreSettings.From(WithQueueSize(2)));

        Assert.Equal(OutboxEnqueueResult.Added, await store.EnqueueAsync(Item("a", "peer")));
        Assert.Equal(OutboxEnqueueResult.Added, await store.EnqueueAsync(Item("b", "peer")));
        Assert.Equal(OutboxEnqueueResult.Full, await store.EnqueueAsync(Item("c", "peer")));
        Assert.Equal(OutboxEnqueueResult.Added, await store.EnqueueAsync(Item("d", "other")));
    }

    [Fact]
    public async Task A_queue_size_of_zero_keeps_nothing_for_an_away_destination()
    {
        await using var store = await SqliteMeshStore.OpenEphemeralAsync(MeshStoreSettings.From(WithQueueSize(0)));

        Assert.Equal(OutboxEnqueueResult.Full, await store.EnqueueAsync(Item("a", "peer")));
    }

    private static OutboxItem Item(string id, string destination) =>
        new(id, destination, [1, 2, 3], T0, 0, T0, T0.AddDays(7));
}
