namespace MeshNode.Core.Transport;

/// <summary>A connection between two in-memory sides: the client, the server and one wire each way.</summary>
internal sealed class InMemoryLink
{
    private readonly InMemoryNetwork _network;
    private readonly InMemoryWire _toServer;
    private readonly InMemoryWire _toClient;
    private int _broken;
    private int _disposedSides;

    public InMemoryLink(InMemoryNetwork network, InMemoryConnection client, InMemoryConnection server, Random toServerRandom, Random toClientRandom)
    {
        _network = network;
        Client = client;
        Server = server;
        client.Link = this;
        server.Link = this;
        _toServer = new InMemoryWire(this, client, server, network, toServerRandom);
        _toClient = new InMemoryWire(this, server, client, network, toClientRandom);
    }

    public InMemoryConnection Client { get; }

    public InMemoryConnection Server { get; }

    public string ClientHost => Client.LocalEndpoint.Host;

    public string ServerHost => Server.LocalEndpoint.Host;

    public bool Joins(string a, string b)
    {
        return (ClientHost == a && ServerHost == b) || (ClientHost == b && ServerHost == a);
    }

    public void Start()
    {
        _toServer.Start();
        _toClient.Start();
    }

    /// <summary>
    /// Breaks the connection: <paramref name="aborter"/> (if any) sees Aborted, every other side
    /// Reset. Bytes in flight are dropped. Runs once; later calls do nothing.
    /// </summary>
    public void Break(InMemoryConnection? aborter, string detail)
    {
        if (Interlocked.Exchange(ref _broken, 1) == 1)
        {
            return;
        }

        var clientError = ErrorFor(Client, aborter, detail);
        var serverError = ErrorFor(Server, aborter, detail);
        Client.TryClose(new TransportClosure(clientError.Reason, Client == aborter, detail));
        Server.TryClose(new TransportClosure(serverError.Reason, Server == aborter, detail));
        _toServer.Break(sourceError: clientError, destinationError: serverError);
        _toClient.Break(sourceError: serverError, destinationError: clientError);
        _network.Forget(this);
    }

    public void SideDisposed()
    {
        if (Interlocked.Increment(ref _disposedSides) == 2)
        {
            _network.Forget(this);
        }
    }

    private static TransportException ErrorFor(InMemoryConnection side, InMemoryConnection? aborter, string detail)
    {
        return side == aborter
            ? new TransportException(TransportErrorReason.Aborted, $"Connection to {side.RemoteEndpoint} aborted: {detail}")
            : new TransportException(TransportErrorReason.Reset, $"Connection to {side.RemoteEndpoint} reset: {detail}");
    }
}
