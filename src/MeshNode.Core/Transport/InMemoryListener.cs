using System.Threading.Channels;

namespace MeshNode.Core.Transport;

/// <summary>An in-memory listener: a bounded backlog of server-side connections.</summary>
internal sealed class InMemoryListener : ITransportListener
{
    private readonly InMemoryNetwork _network;
    private readonly Channel<InMemoryConnection> _backlog;

    public InMemoryListener(InMemoryNetwork network, TransportEndpoint local, int backlog)
    {
        _network = network;
        LocalEndpoint = local;
        _backlog = Channel.CreateBounded<InMemoryConnection>(new BoundedChannelOptions(backlog) { SingleWriter = false });
    }

    public TransportEndpoint LocalEndpoint { get; }

    public async ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _backlog.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new TransportException(TransportErrorReason.Closed, $"Listener on {LocalEndpoint} stopped.", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        _network.RemoveListener(this);
        Stop("listener stopped");
        return ValueTask.CompletedTask;
    }

    /// <summary>Queues a new server side; false when the backlog is full or the listener stopped.</summary>
    internal bool TryOffer(InMemoryConnection server)
    {
        return _backlog.Writer.TryWrite(server);
    }

    /// <summary>Stops accepting; connections never accepted are reset.</summary>
    internal void Stop(string detail)
    {
        _backlog.Writer.TryComplete();
        while (_backlog.Reader.TryRead(out var pending))
        {
            pending.Link?.Break(null, detail);
        }
    }
}
