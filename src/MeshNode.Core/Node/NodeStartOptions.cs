using MeshNode.Config;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Node;

/// <summary>
/// Everything a node needs to start. The composition root (the <c>meshnode</c> program, the lab,
/// or a test) builds it; the node owns nothing it did not create, so the caller disposes the
/// identity, store and network key after the node has stopped.
/// </summary>
public sealed record NodeStartOptions
{
    /// <summary>The validated settings (hocon.conf layered with profile, environment and flags).</summary>
    public required MeshSettings Settings { get; init; }

    /// <summary>This node's long-term identity.</summary>
    public required NodeIdentity Identity { get; init; }

    /// <summary>The store: SQLite in the profile folder, or ephemeral.</summary>
    public required IMeshStore Store { get; init; }

    /// <summary>How links are made: TCP for real nodes, in-memory for the mesh test kit.</summary>
    public required ITransport Transport { get; init; }

    /// <summary>The endpoint to listen on; port 0 takes any free port.</summary>
    public required TransportEndpoint ListenEndpoint { get; init; }

    /// <summary>The network key in passphrase mode; null on an open network.</summary>
    public NetworkKey? Network { get; init; }

    /// <summary>Peers to dial at start and keep dialling (config static peers plus --peer).</summary>
    public IReadOnlyList<TransportEndpoint> StaticPeers { get; init; } = [];

    /// <summary>Whether UDP discovery runs (false for --no-discovery and for in-memory labs).</summary>
    public bool DiscoveryEnabled { get; init; } = true;

    /// <summary>
    /// Discovery sends only to loopback addresses (labs and tests on one machine); never set for a
    /// real node, which broadcasts on every up IPv4 interface.
    /// </summary>
    public bool DiscoveryLoopbackOnly { get; init; }

    /// <summary>The clock; tests pass a virtual one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Randomness for ids, keys and jitter; tests pass a seeded one.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
