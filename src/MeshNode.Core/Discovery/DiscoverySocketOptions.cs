using System.Net;

namespace MeshNode.Core.Discovery;

/// <summary>How the discovery socket binds, what it accepts and where it broadcasts.</summary>
public sealed record DiscoverySocketOptions
{
    /// <summary>The UDP port every node on the subnet shares (bound with SO_REUSEADDR).</summary>
    public int Port { get; init; } = 47470;

    /// <summary>The address to bind; <see cref="IPAddress.Any"/> is needed to receive broadcasts.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Largest datagram accepted or sent, in bytes; larger ones are dropped and counted.</summary>
    public int MaxDatagramBytes { get; init; } = 1400;

    /// <summary>Received datagrams waiting to be read; when full, new ones are dropped and counted.</summary>
    public int ReceiveQueueCapacity { get; init; } = 256;

    /// <summary>
    /// Tests and single-host labs: broadcasts go to 127.255.255.255 only, never to a real
    /// interface, so nothing leaves the machine.
    /// </summary>
    public bool LoopbackOnly { get; init; }

    /// <summary>
    /// IPv4 addresses to broadcast to instead of the computed ones (<c>mesh.discovery.broadcast-addresses</c>);
    /// empty: every up interface's broadcast address plus 255.255.255.255. Ignored when <see cref="LoopbackOnly"/>.
    /// </summary>
    public IReadOnlyList<IPAddress> BroadcastAddresses { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"{nameof(Port)} must be 0 to 65535 (is {Port}).");
        }

        if (MaxDatagramBytes is < 64 or > 65507)
        {
            throw new ArgumentException($"{nameof(MaxDatagramBytes)} must be 64 to 65507 (is {MaxDatagramBytes}).");
        }

        if (ReceiveQueueCapacity < 1)
        {
            throw new ArgumentException($"{nameof(ReceiveQueueCapacity)} must be at least 1 (is {ReceiveQueueCapacity}).");
        }

        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentNullException.ThrowIfNull(BroadcastAddresses);
    }
}
