using System.Net;
using System.Net.Sockets;
using MeshNode.Core.Discovery;
using MeshNode.Core.Tests.Support;

namespace MeshNode.Core.Tests.Discovery;

/// <summary>
/// Discovery sockets on loopback only: every datagram here goes to 127.0.0.0/8, never to a real
/// interface (the all-interfaces broadcast path is tested inside network namespaces).
/// </summary>
public sealed class DiscoverySocketTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    [Fact]
    public async Task Two_sockets_bind_the_same_port_and_both_hear_a_loopback_broadcast()
    {
        var port = FreeUdpPort();
        var settings = new DiscoverySocketOptions { Port = port, LoopbackOnly = true };
        await using var first = DiscoverySocket.Bind(settings);
        await using var second = DiscoverySocket.Bind(settings);

        Assert.Equal(port, first.LocalEndPoint.Port);
        Assert.Equal(port, second.LocalEndPoint.Port);
        var target = Assert.Single(first.BroadcastTargets());
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.255.255.255"), port), target);

        Assert.Equal(1, await first.BroadcastAsync(new byte[] { 7, 7 }));

        Assert.Equal(new byte[] { 7, 7 }, (await first.Received.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience)).Payload);
        Assert.Equal(new byte[] { 7, 7 }, (await second.Received.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience)).Payload);
    }

    [Fact]
    public async Task Configured_broadcast_addresses_replace_the_computed_targets()
    {
        var configured = new[] { IPAddress.Parse("192.0.2.255"), IPAddress.Parse("198.51.100.255") };
        await using var socket = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, BroadcastAddresses = configured });

        var port = socket.LocalEndPoint.Port;
        Assert.Equal(configured.Select(a => new IPEndPoint(a, port)), socket.BroadcastTargets());
    }

    [Fact]
    public async Task A_datagram_to_an_explicit_loopback_address_arrives_with_its_sender()
    {
        await using var receiver = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, LoopbackOnly = true });
        await using var sender = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, LoopbackOnly = true });

        var sent = await sender.SendToAsync(new byte[] { 1, 2, 3 }, [new IPEndPoint(Loopback, receiver.LocalEndPoint.Port)]);

        var datagram = await receiver.Received.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(1, sent);
        Assert.Equal(new byte[] { 1, 2, 3 }, datagram.Payload);
        Assert.Equal(sender.LocalEndPoint, datagram.Sender);
        Assert.Equal(1, receiver.ReceivedCount);
    }

    [Fact]
    public async Task Oversized_datagrams_are_dropped_and_counted()
    {
        var settings = new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, MaxDatagramBytes = 100, LoopbackOnly = true };
        await using var receiver = DiscoverySocket.Bind(settings);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var destination = new IPEndPoint(Loopback, receiver.LocalEndPoint.Port);

        await raw.SendToAsync(new byte[101], SocketFlags.None, destination);
        await raw.SendToAsync(new byte[100], SocketFlags.None, destination);

        // Loopback keeps order, so once the second arrives the first was already judged.
        var accepted = await receiver.Received.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(100, accepted.Payload.Length);
        Assert.Equal(1, receiver.DroppedOversized);
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_growing()
    {
        var settings = new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, ReceiveQueueCapacity = 2, LoopbackOnly = true };
        await using var receiver = DiscoverySocket.Bind(settings);
        await using var sender = DiscoverySocket.Bind(settings);
        var destination = new IPEndPoint(Loopback, receiver.LocalEndPoint.Port);
        var judged = 0;
        var allJudged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Judged += () =>
        {
            if (Interlocked.Increment(ref judged) == 5)
            {
                allJudged.TrySetResult();
            }
        };

        for (byte i = 0; i < 5; i++)
        {
            await sender.SendToAsync(new[] { i }, [destination]);
        }

        await allJudged.Task.WaitAsync(PipeTestExtensions.Patience);
        Assert.Equal(2, receiver.ReceivedCount);
        Assert.Equal(3, receiver.DroppedQueueFull);
        Assert.Equal(new byte[] { 0 }, (await receiver.Received.ReadAsync()).Payload);
    }

    [Fact]
    public async Task Refuses_to_send_a_datagram_above_the_limit_naming_the_setting()
    {
        await using var socket = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, MaxDatagramBytes = 64, LoopbackOnly = true });

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => socket.SendToAsync(new byte[65], [new IPEndPoint(Loopback, 9)]).AsTask());

        Assert.Contains(nameof(DiscoverySocketOptions.MaxDatagramBytes), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_completes_the_received_channel()
    {
        var socket = DiscoverySocket.Bind(new DiscoverySocketOptions { Port = 0, BindAddress = Loopback, LoopbackOnly = true });

        await socket.DisposeAsync();

        await socket.Received.Completion.WaitAsync(PipeTestExtensions.Patience);
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
