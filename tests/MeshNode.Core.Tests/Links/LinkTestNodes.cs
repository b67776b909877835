using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>Starts one node on an in-memory network for the link tests, optionally on a virtual clock.</summary>
internal static class LinkTestNodes
{
    public static Task<IMeshNode> StartAsync(
        ITransport transport,
        string name,
        NodeIdentity identity,
        IMeshStore store,
        Func<MeshSettings, MeshSettings>? configure = null,
        TimeProvider? time = null)
    {
        var defaults = MeshSettings.Defaults;
        var settings = defaults with { Node = defaults.Node with { Name = name } };
        return MeshNodeHost.StartAsync(new NodeStartOptions
        {
            Settings = configure?.Invoke(settings) ?? settings,
            Identity = identity,
            Store = store,
            Transport = transport,
            ListenEndpoint = new TransportEndpoint($"host-{name}", 7000),
            DiscoveryEnabled = false,
            Time = time ?? TimeProvider.System,
        });
    }
}
