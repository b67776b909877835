using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Cli.Runtime;

/// <summary>
/// A started node together with what the program made for it (identity, store, network key):
/// disposing stops the node first, then disposes the rest, since the node owns none of them.
/// </summary>
internal sealed class OwnedNode : IAsyncDisposable
{
    private readonly NodeIdentity _identity;
    private readonly IMeshStore _store;
    private readonly NetworkKey? _network;

    /// <summary>Bundles a node with its resources.</summary>
    /// <param name="node">The started node.</param>
    /// <param name="identity">Its identity.</param>
    /// <param name="store">Its store.</param>
    /// <param name="network">Its network key, or null on an open network.</param>
    public OwnedNode(IMeshNode node, NodeIdentity identity, IMeshStore store, NetworkKey? network)
    {
        Node = node;
        _identity = identity;
        _store = store;
        _network = network;
    }

    /// <summary>The node.</summary>
    public IMeshNode Node { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Node.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _store.DisposeAsync().ConfigureAwait(false);
            _identity.Dispose();
            _network?.Dispose();
        }
    }
}
