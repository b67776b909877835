using System.Net;
using System.Net.Sockets;
using MeshNode.Core.Tests.Support;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Tests.Transport;

/// <summary>The transport contract over real loopback TCP, plus what only TCP has.</summary>
public sealed class TcpTransportTests : TransportContractTests
{
    protected override long BackPressureBound => 16L * 1024 * 1024;

    protected override ITransport CreateTransport(string node)
    {
        return new TcpTransport(Settings);
    }

    protected override TransportEndpoint AnyPort(string node)
    {
        return new TransportEndpoint("127.0.0.1", 0);
    }

    protected override Task<TransportEndpoint> NothingListensAsync()
    {
        // A port just bound and released: nothing listens there now.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.FromResult(TransportEndpoint.FromIPEndPoint((IPEndPoint)probe.LocalEndPoint!));
    }

    [IPv6Fact]
    public async Task Works_over_IPv6_loopback()
    {
        var transport = new TcpTransport(Settings);
        await using var listener = await transport.ListenAsync(TransportEndpoint.Parse("[::1]:0"));
        var accepting = listener.AcceptAsync().AsTask();
        await using var client = await transport.ConnectAsync(listener.LocalEndpoint);
        await using var server = await accepting.WaitAsync(PipeTestExtensions.Patience);

        await client.Pipe.Output.WriteAsync(new byte[] { 1, 2, 3 });

        Assert.Equal(new byte[] { 1, 2, 3 }, await server.Pipe.Input.ReadExactlyAsync(3));
        Assert.StartsWith("[::1]:", listener.LocalEndpoint.ToString(), StringComparison.Ordinal);
    }

    [IPv6Fact]
    public async Task Listening_on_the_IPv6_wildcard_accepts_IPv4_clients()
    {
        var transport = new TcpTransport(Settings);
        await using var listener = await transport.ListenAsync(TransportEndpoint.Parse("[::]:0"));
        var accepting = listener.AcceptAsync().AsTask();
        await using var client = await transport.ConnectAsync(new TransportEndpoint("127.0.0.1", listener.LocalEndpoint.Port));
        await using var server = await accepting.WaitAsync(PipeTestExtensions.Patience);

        Assert.Equal("127.0.0.1", server.RemoteEndpoint.Host);
    }

    [Fact]
    public async Task A_connect_that_gets_no_answer_times_out_on_the_transport_clock()
    {
        // A listener whose accept queue is full makes Linux drop new SYNs: the connect hangs as
        // it would towards a dead host, without a packet leaving loopback.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var target = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = Enumerable.Range(0, 4).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
        var filling = fillers.Select(f => f.ConnectAsync(target)).ToList();
        await Task.WhenAny(filling).WaitAsync(PipeTestExtensions.Patience);
        var time = new ManualTimeProvider();
        var transport = new TcpTransport(Settings with { ConnectTimeout = TimeSpan.FromSeconds(30) }, time);

        try
        {
            var connecting = transport.ConnectAsync(TransportEndpoint.FromIPEndPoint(target)).AsTask();
            time.Advance(TimeSpan.FromSeconds(30));

            var error = await Assert.ThrowsAsync<TransportException>(() => connecting.WaitAsync(PipeTestExtensions.Patience));
            Assert.Equal(TransportErrorReason.TimedOut, error.Reason);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_unreachable()
    {
        var transport = new TcpTransport(Settings);

        var error = await Assert.ThrowsAsync<TransportException>(
            () => transport.ConnectAsync(new TransportEndpoint("no-such-host.invalid", 1)).AsTask());

        Assert.Equal(TransportErrorReason.Unreachable, error.Reason);
    }
}
