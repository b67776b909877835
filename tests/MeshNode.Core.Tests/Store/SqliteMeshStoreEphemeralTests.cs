using MeshNode.Core.Store;

namespace MeshNode.Core.Tests.Store;

/// <summary>The store contract for <c>--ephemeral</c>: in memory only.</summary>
public sealed class SqliteMeshStoreEphemeralTests : MeshStoreContractTests
{
    protected override async Task<IMeshStore> OpenAsync(MeshStoreSettings settings)
    {
        return await SqliteMeshStore.OpenEphemeralAsync(settings);
    }

    [Fact]
    public void Says_it_is_ephemeral()
    {
        Assert.True(Store.IsEphemeral);
    }

    [Fact]
    public async Task Two_ephemeral_stores_share_nothing()
    {
        await using var other = await SqliteMeshStore.OpenEphemeralAsync(SmallBounds);
        await Store.AddMessageAsync(Message("m1", "peer-b"));

        Assert.Empty(await other.GetHistoryAsync("peer-b", 10));
    }

    [Fact]
    public async Task Leaves_no_file_in_the_working_folder()
    {
        await Store.AddMessageAsync(Message("m1", "peer-b"));

        Assert.Empty(Directory.GetFiles(Environment.CurrentDirectory, "meshnode-ephemeral*"));
    }
}
