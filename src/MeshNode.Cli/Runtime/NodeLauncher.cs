using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Cli.Runtime;

/// <summary>Composes and starts nodes: identity, store, transport and network key around <see cref="MeshNodeHost"/>.</summary>
internal static class NodeLauncher
{
    /// <summary>Starts the node of <c>meshnode run</c>.</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="ephemeral">Nothing on disk: in-memory identity and store.</param>
    /// <param name="network">The network key, or null; owned by the returned node from here on.</param>
    /// <param name="discovery">Whether UDP discovery runs.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The started node with its resources.</returns>
    /// <exception cref="CliUserException">The identity, store or listen port cannot be used.</exception>
    public static async Task<OwnedNode> StartAsync(MeshSettings settings, bool ephemeral, NetworkKey? network, bool discovery, CancellationToken cancellationToken)
    {
        NodeIdentity identity;
        try
        {
            identity = ephemeral
                ? NodeIdentity.Generate(SystemRandomSource.Instance)
                : Commands.IdentityFiles.LoadOrCreate(Path.Combine(settings.Node.ProfileDirectory, Commands.ProfilePaths.IdentityFileName));
        }
        catch
        {
            network?.Dispose();
            throw;
        }

        var peers = settings.Discovery.StaticPeers.Select(p => new TransportEndpoint(p.Host, p.Port)).ToList();
        return await StartAsync(settings, identity, ephemeral, network, new TransportEndpoint("0.0.0.0", settings.Link.Port), peers, discovery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts one lab node: ephemeral, on loopback, any free port, discovery off.</summary>
    /// <param name="settings">Settings with the lab node's name.</param>
    /// <param name="staticPeers">The endpoints of the lab neighbours already started.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The started node.</returns>
    public static Task<OwnedNode> StartLabNodeAsync(MeshSettings settings, IReadOnlyList<TransportEndpoint> staticPeers, CancellationToken cancellationToken) =>
        StartAsync(settings, NodeIdentity.Generate(SystemRandomSource.Instance), ephemeral: true, network: null, new TransportEndpoint("127.0.0.1", 0), staticPeers, discovery: false, cancellationToken);

    private static async Task<OwnedNode> StartAsync(
        MeshSettings settings,
        NodeIdentity identity,
        bool ephemeral,
        NetworkKey? network,
        TransportEndpoint listen,
        IReadOnlyList<TransportEndpoint> staticPeers,
        bool discovery,
        CancellationToken cancellationToken)
    {
        try
        {
            return await StartOwnedAsync(settings, identity, ephemeral, network, listen, staticPeers, discovery, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException ex)
        {
            throw new CliUserException($"cannot listen on port {listen.Port}: {ex.Message} (use --port, or --port 0 for any free port)", CliApplication.ExitFailure, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot open the store in '{settings.Node.ProfileDirectory}': {ex.Message}", CliApplication.ExitFailure, ex);
        }
    }

    private static async Task<OwnedNode> StartOwnedAsync(
        MeshSettings settings,
        NodeIdentity identity,
        bool ephemeral,
        NetworkKey? network,
        TransportEndpoint listen,
        IReadOnlyList<TransportEndpoint> staticPeers,
        bool discovery,
        CancellationToken cancellationToken)
    {
        IMeshStore? store = null;
        try
        {
            store = ephemeral || settings.Store.Ephemeral
                ? await SqliteMeshStore.OpenEphemeralAsync(MeshStoreSettings.From(settings), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await SqliteMeshStore.OpenAsync(settings.Node.ProfileDirectory, MeshStoreSettings.From(settings), cancellationToken: cancellationToken).ConfigureAwait(false);
            var node = await MeshNodeHost.StartAsync(
                new NodeStartOptions
                {
                    Settings = settings,
                    Identity = identity,
                    Store = store,
                    Transport = new TcpTransport(),
                    ListenEndpoint = listen,
                    Network = network,
                    StaticPeers = staticPeers,
                    DiscoveryEnabled = discovery,
                },
                cancellationToken).ConfigureAwait(false);
            return new OwnedNode(node, identity, store, network);
        }
        catch
        {
            // The node owns none of these: whoever made them disposes them when start-up fails.
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            identity.Dispose();
            network?.Dispose();
            throw;
        }
    }
}
