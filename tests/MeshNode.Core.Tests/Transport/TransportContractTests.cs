using System.Text;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Tests.Transport;

/// <summary>
/// The contract every <see cref="ITransport"/> must meet (Akka's transport spec idea): each
/// transport gets a subclass that says how to make one and where to listen.
/// </summary>
public abstract class TransportContractTests : IAsyncLifetime
{
    /// <summary>Small buffers so back-pressure shows quickly.</summary>
    protected static readonly TransportSettings Settings = new()
    {
        MaxBufferedBytes = 64 * 1024,
        ResumeBufferedBytes = 32 * 1024,
        SocketBufferBytes = 64 * 1024,
    };

    private readonly List<IAsyncDisposable> _cleanup = [];

    /// <summary>The transport of node <paramref name="node"/>.</summary>
    protected abstract ITransport CreateTransport(string node);

    /// <summary>Where node <paramref name="node"/> listens on any free port.</summary>
    protected abstract TransportEndpoint AnyPort(string node);

    /// <summary>An endpoint where nothing listens.</summary>
    protected abstract Task<TransportEndpoint> NothingListensAsync();

    /// <summary>How many bytes a writer may get ahead of a reader that does not read.</summary>
    protected abstract long BackPressureBound { get; }

    public Task InitializeAsync()
    {
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task Listens_on_port_zero_and_reports_the_real_port()
    {
        var listener = await ListenAsync("server");

        Assert.NotEqual(0, listener.LocalEndpoint.Port);
    }

    [Fact]
    public async Task Connect_and_accept_see_each_others_endpoints()
    {
        var (listener, client, server) = await PairAsync();

        Assert.Equal(listener.LocalEndpoint.Port, client.RemoteEndpoint.Port);
        Assert.Equal(client.LocalEndpoint, server.RemoteEndpoint);
        Assert.Equal(server.LocalEndpoint.Port, listener.LocalEndpoint.Port);
    }

    [Fact]
    public async Task Carries_large_transfers_both_ways_in_order()
    {
        var (_, client, server) = await PairAsync();
        var up = PipeTestExtensions.SeededBytes(3 * 1024 * 1024, seed: 1);
        var down = PipeTestExtensions.SeededBytes(3 * 1024 * 1024, seed: 2);

        var sendUp = client.Pipe.Output.WriteAllAsync(up, chunk: 50_000);
        var sendDown = server.Pipe.Output.WriteAllAsync(down, chunk: 70_001);
        var receivedUp = server.Pipe.Input.ReadExactlyAsync(up.Length);
        var receivedDown = client.Pipe.Input.ReadExactlyAsync(down.Length);
        await Task.WhenAll(sendUp, sendDown).WaitAsync(PipeTestExtensions.Patience);

        Assert.Equal(up, await receivedUp);
        Assert.Equal(down, await receivedDown);
    }

    [Fact]
    public async Task Keeps_order_across_many_small_writes()
    {
        var (_, client, server) = await PairAsync();
        var random = new Random(3);
        var expected = new List<byte>();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 5000; i++)
            {
                var piece = new byte[random.Next(1, 40)];
                random.NextBytes(piece);
                expected.AddRange(piece);
                await client.Pipe.Output.WriteAsync(piece);
            }

            await client.DisposeAsync();
        });

        var received = await server.Pipe.Input.ReadToEndAsync();
        await sending.WaitAsync(PipeTestExtensions.Patience);

        Assert.Equal(expected.ToArray(), received);
    }

    [Fact]
    public async Task Writer_is_held_back_while_the_reader_does_not_read()
    {
        var (_, client, server) = await PairAsync();
        const int total = 64 * 1024 * 1024;
        var written = 0L;
        var chunk = PipeTestExtensions.SeededBytes(8192, seed: 4);
        var writing = Task.Run(async () =>
        {
            for (var sent = 0; sent < total; sent += chunk.Length)
            {
                await client.Pipe.Output.WriteAsync(chunk);
                Interlocked.Add(ref written, chunk.Length);
            }
        });

        // Like the TestKit's ExpectNoMsg: an observation window in which the writer must stay
        // stuck. Without back-pressure it would race through 64 MiB and past the bound.
        await Assert.ThrowsAsync<TimeoutException>(() => writing.WaitAsync(TimeSpan.FromMilliseconds(300)));
        Assert.InRange(Interlocked.Read(ref written), 1, BackPressureBound);

        var drained = 0L;
        while (drained < total)
        {
            var read = await server.Pipe.Input.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience);
            drained += read.Buffer.Length;
            server.Pipe.Input.AdvanceTo(read.Buffer.End);
        }

        await writing.WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(total, drained);
    }

    [Fact]
    public async Task Close_by_the_client_completes_closed_on_both_sides_after_the_data()
    {
        var (_, client, server) = await PairAsync();
        await client.Pipe.Output.WriteAsync(Encoding.ASCII.GetBytes("last words"));

        await client.DisposeAsync();

        Assert.Equal("last words", Encoding.ASCII.GetString(await server.Pipe.Input.ReadToEndAsync()));
        var serverSaw = await server.Closed.WaitAsync(PipeTestExtensions.Patience);
        var clientSaw = await client.Closed.WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(new TransportClosure(TransportErrorReason.Closed, false, serverSaw.Detail), serverSaw);
        Assert.Equal(new TransportClosure(TransportErrorReason.Closed, true, clientSaw.Detail), clientSaw);
    }

    [Fact]
    public async Task Close_by_the_server_completes_closed_on_both_sides()
    {
        var (_, client, server) = await PairAsync();

        var closing = server.DisposeAsync().AsTask();
        var clientSaw = await client.Closed.WaitAsync(PipeTestExtensions.Patience);
        await client.DisposeAsync();
        await closing.WaitAsync(PipeTestExtensions.Patience);

        Assert.Equal(TransportErrorReason.Closed, clientSaw.Reason);
        Assert.False(clientSaw.ByLocalSide);
        Assert.True((await server.Closed).ByLocalSide);
    }

    [Fact]
    public async Task Abort_resets_the_remote_side_and_fails_local_reads()
    {
        var (_, client, server) = await PairAsync();
        var pendingRead = server.Pipe.Input.ReadAsync().AsTask();

        client.Abort("test abort");

        var serverSaw = await server.Closed.WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(TransportErrorReason.Reset, serverSaw.Reason);
        Assert.False(serverSaw.ByLocalSide);
        var clientSaw = await client.Closed.WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(new TransportClosure(TransportErrorReason.Aborted, true, "test abort"), clientSaw);
        var remoteError = await Assert.ThrowsAsync<TransportException>(() => pendingRead.WaitAsync(PipeTestExtensions.Patience));
        Assert.Equal(TransportErrorReason.Reset, remoteError.Reason);
        var localError = await Assert.ThrowsAsync<TransportException>(
            () => client.Pipe.Input.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience));
        Assert.Equal(TransportErrorReason.Aborted, localError.Reason);
    }

    [Fact]
    public async Task Writes_fail_with_a_transport_exception_once_the_remote_side_aborted()
    {
        var (_, client, server) = await PairAsync();
        client.Abort("gone");
        await server.Closed.WaitAsync(PipeTestExtensions.Patience);

        var error = await Assert.ThrowsAsync<TransportException>(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await server.Pipe.Output.WriteAsync(new byte[1024]).AsTask().WaitAsync(PipeTestExtensions.Patience);
            }
        });

        Assert.Equal(TransportErrorReason.Reset, error.Reason);
    }

    [Fact]
    public async Task Abort_twice_and_dispose_after_abort_are_harmless()
    {
        var (_, client, _) = await PairAsync();

        client.Abort("first");
        client.Abort("second");
        await client.DisposeAsync();

        Assert.Equal("first", (await client.Closed).Detail);
    }

    [Fact]
    public async Task Connect_where_nothing_listens_is_refused()
    {
        var transport = CreateTransport("client");
        var nowhere = await NothingListensAsync();

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(nowhere).AsTask());

        Assert.Equal(TransportErrorReason.Refused, error.Reason);
    }

    [Fact]
    public async Task Serves_many_concurrent_connections()
    {
        var listener = await ListenAsync("server");
        var serverTransport = listener;
        var echoes = Task.Run(async () =>
        {
            var running = new List<Task>();
            for (var i = 0; i < 16; i++)
            {
                var connection = await serverTransport.AcceptAsync().AsTask().WaitAsync(PipeTestExtensions.Patience);
                _cleanup.Add(connection);
                running.Add(Task.Run(async () =>
                {
                    var bytes = await connection.Pipe.Input.ReadExactlyAsync(1000);
                    await connection.Pipe.Output.WriteAsync(bytes);
                }));
            }

            await Task.WhenAll(running);
        });

        var clients = Enumerable.Range(0, 16).Select(async i =>
        {
            var connection = await CreateTransport($"client{i}").ConnectAsync(listener.LocalEndpoint);
            lock (_cleanup)
            {
                _cleanup.Add(connection);
            }

            var payload = PipeTestExtensions.SeededBytes(1000, seed: 100 + i);
            await connection.Pipe.Output.WriteAsync(payload);
            Assert.Equal(payload, await connection.Pipe.Input.ReadExactlyAsync(1000));
        });

        await Task.WhenAll(clients).WaitAsync(PipeTestExtensions.Patience);
        await echoes.WaitAsync(PipeTestExtensions.Patience);
    }

    [Fact]
    public async Task Disposing_the_listener_stops_accepts_and_refuses_new_connects()
    {
        var listener = await CreateTransport("server").ListenAsync(AnyPort("server"));
        var pendingAccept = listener.AcceptAsync().AsTask();

        await listener.DisposeAsync();

        var error = await Assert.ThrowsAsync<TransportException>(() => pendingAccept.WaitAsync(PipeTestExtensions.Patience));
        Assert.Equal(TransportErrorReason.Closed, error.Reason);
        var refused = await Assert.ThrowsAsync<TransportException>(
            () => CreateTransport("client").ConnectAsync(listener.LocalEndpoint).AsTask());
        Assert.Equal(TransportErrorReason.Refused, refused.Reason);
    }

    [Fact]
    public async Task Listening_twice_on_one_endpoint_is_address_in_use()
    {
        var listener = await ListenAsync("server");

        var error = await Assert.ThrowsAsync<TransportException>(
            () => CreateTransport("server").ListenAsync(listener.LocalEndpoint).AsTask());

        Assert.Equal(TransportErrorReason.AddressInUse, error.Reason);
    }

    protected async Task<ITransportListener> ListenAsync(string node)
    {
        var listener = await CreateTransport(node).ListenAsync(AnyPort(node));
        _cleanup.Add(listener);
        return listener;
    }

    protected async Task<(ITransportListener Listener, ITransportConnection Client, ITransportConnection Server)> PairAsync()
    {
        var listener = await ListenAsync("server");
        var accepting = listener.AcceptAsync().AsTask();
        var client = await CreateTransport("client").ConnectAsync(listener.LocalEndpoint).AsTask().WaitAsync(PipeTestExtensions.Patience);
        var server = await accepting.WaitAsync(PipeTestExtensions.Patience);
        _cleanup.Add(client);
        _cleanup.Add(server);
        return (listener, client, server);
    }
}
