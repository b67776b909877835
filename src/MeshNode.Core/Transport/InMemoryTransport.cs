namespace MeshNode.Core.Transport;

/// <summary>
/// The transport of one node (one host name) on an <see cref="InMemoryNetwork"/>. It listens
/// only on its own host (<c>0.0.0.0</c>, <c>::</c> and <c>*</c> mean its own host too) and
/// connects to any host on the network, subject to the network's faults.
/// </summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly InMemoryNetwork _network;

    internal InMemoryTransport(InMemoryNetwork network, string host)
    {
        _network = network;
        Host = host;
    }

    /// <summary>This node's host name on the network.</summary>
    public string Host { get; }

    /// <inheritdoc />
    public ValueTask<ITransportListener> ListenAsync(TransportEndpoint local, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(local);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<ITransportListener>(_network.Listen(Host, local));
    }

    /// <inheritdoc />
    public ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return _network.ConnectAsync(Host, remote, cancellationToken);
    }
}
