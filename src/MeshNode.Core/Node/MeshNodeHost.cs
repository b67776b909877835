using MeshNode.Actors;
using MeshNode.Core.Chat;
using MeshNode.Core.Discovery;
using MeshNode.Core.Links;

namespace MeshNode.Core.Node;

/// <summary>Starts a mesh node: the front ends (CLI, lab, tests) call this and talk to the returned <see cref="IMeshNode"/>.</summary>
public static class MeshNodeHost
{
    /// <summary>
    /// Binds the listener at <see cref="NodeStartOptions.ListenEndpoint"/> (port 0 picks a free one),
    /// starts the node's actor system (links, router, topology, chat under /user/node), dials the
    /// static peers and publishes <see cref="NodeStarted"/>. The node owns nothing it was given:
    /// the caller disposes the identity, network key and store after <see cref="IMeshNode.StopAsync"/>.
    /// </summary>
    /// <exception cref="Transport.TransportException">The listen endpoint is taken or invalid.</exception>
    public static async Task<IMeshNode> StartAsync(NodeStartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listener = await options.Transport.ListenAsync(options.ListenEndpoint, cancellationToken).ConfigureAwait(false);
        var fernet = options.Network?.CreateCodec(options.Time, options.Random);
        var context = new LinkContext(options.Identity, options.Network, options.Settings, options.Time, options.Random, new NodeCounters(), fernet);
        var system = ActorSystem.Create($"node-{options.Identity.Id.Short}", new ActorSystemSettings { TimeProvider = options.Time });
        var persistence = new ChatPersistence(options.Store, context);
        var node = new MeshNodeInstance(system, context, listener.LocalEndpoint, fernet, persistence, options.Store);
        system.EventStream.Publish(new NodeStarted(
            options.Time.GetUtcNow(),
            options.Identity.Id.ToString(),
            options.Settings.Node.Name,
            listener.LocalEndpoint.Port,
            options.Identity.Fingerprint,
            options.Network is null ? "open" : "passphrase"));
        var discoveryEnabled = options.DiscoveryEnabled && options.Settings.Discovery.Enabled;
        var socket = discoveryEnabled ? BindDiscovery(options, system) : null;
        var guardian = system.ActorOf(
            Props.Create(() => new NodeGuardianActor(context, options.Transport, listener, options.Store, persistence, options.StaticPeers, socket, discoveryEnabled)),
            "node");
        node.Attach(guardian);
        return node;
    }

    private static DiscoverySocket? BindDiscovery(NodeStartOptions options, ActorSystem system)
    {
        try
        {
            return DiscoverySocket.Bind(
                new DiscoverySocketOptions
                {
                    Port = options.Settings.Discovery.Port,
                    LoopbackOnly = options.DiscoveryLoopbackOnly,
                    MaxDatagramBytes = options.Settings.Discovery.MaxDatagramSize,
                    BroadcastAddresses = options.Settings.Discovery.BroadcastAddresses,
                },
                options.Time);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException)
        {
            system.EventStream.Publish(new NodeWarning(
                options.Time.GetUtcNow(), $"discovery is off: cannot bind UDP port {options.Settings.Discovery.Port} ({ex.Message})"));
            return null;
        }
    }
}
