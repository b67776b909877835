using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace MeshNode.Core.Discovery;

/// <summary>
/// The UDP socket of discovery: bound to the shared discovery port with SO_REUSEADDR (several
/// nodes on one host) and SO_BROADCAST, receiving into a bounded queue that drops and counts
/// when full. It moves bytes only; signing and checking announces is the protocol's job.
/// </summary>
public sealed class DiscoverySocket : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly DiscoverySocketOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<DiscoveryDatagram> _received;
    private readonly Task _receiving;
    private long _droppedQueueFull;
    private long _droppedOversized;
    private long _receivedCount;
    private long _sendErrors;
    private long _receiveErrors;
    private volatile bool _disposed;

    private DiscoverySocket(Socket socket, DiscoverySocketOptions options, TimeProvider time)
    {
        _socket = socket;
        _options = options;
        _time = time;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _received = Channel.CreateBounded<DiscoveryDatagram>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The bound address and port (the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Received datagrams, in arrival order. Completes when the socket is disposed.</summary>
    public ChannelReader<DiscoveryDatagram> Received => _received.Reader;

    /// <summary>Datagrams accepted into <see cref="Received"/>.</summary>
    public long ReceivedCount => Interlocked.Read(ref _receivedCount);

    /// <summary>Datagrams dropped because <see cref="Received"/> was full.</summary>
    public long DroppedQueueFull => Interlocked.Read(ref _droppedQueueFull);

    /// <summary>Datagrams dropped for exceeding <see cref="DiscoverySocketOptions.MaxDatagramBytes"/>.</summary>
    public long DroppedOversized => Interlocked.Read(ref _droppedOversized);

    /// <summary>Sends that failed (an interface went down, no route); each is counted, none throws.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Errors reported on the socket while receiving (ICMP errors after a send); each is counted and skipped.</summary>
    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    /// <summary>Test hook: a datagram was queued or dropped (raised on the receive loop).</summary>
    internal event Action? Judged;

    /// <summary>Binds the socket and starts receiving.</summary>
    /// <exception cref="SocketException">When the port cannot be bound even with address reuse.</exception>
    public static DiscoverySocket Bind(DiscoverySocketOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
            return new DiscoverySocket(socket, options, time ?? TimeProvider.System);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends one datagram to each destination; returns how many sends succeeded (failures are
    /// counted in <see cref="SendErrors"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When the datagram exceeds <see cref="DiscoverySocketOptions.MaxDatagramBytes"/>.</exception>
    public async ValueTask<int> SendToAsync(ReadOnlyMemory<byte> datagram, IEnumerable<IPEndPoint> destinations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (datagram.Length > _options.MaxDatagramBytes)
        {
            throw new ArgumentException(
                $"Datagram of {datagram.Length} bytes exceeds {nameof(DiscoverySocketOptions.MaxDatagramBytes)} ({_options.MaxDatagramBytes}).",
                nameof(datagram));
        }

        var sent = 0;
        foreach (var destination in destinations)
        {
            try
            {
                await _socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref _sendErrors);
            }
        }

        return sent;
    }

    /// <summary>
    /// Broadcasts one datagram on the discovery port: to 127.255.255.255 only when
    /// <see cref="DiscoverySocketOptions.LoopbackOnly"/>, else to exactly <see cref="DiscoverySocketOptions.BroadcastAddresses"/>
    /// when it is not empty, else to the broadcast address of every up IPv4 interface and to
    /// 255.255.255.255. Returns how many sends succeeded.
    /// </summary>
    public ValueTask<int> BroadcastAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken = default)
    {
        return SendToAsync(datagram, BroadcastTargets(), cancellationToken);
    }

    /// <summary>Where <see cref="BroadcastAsync"/> sends right now.</summary>
    public IReadOnlyList<IPEndPoint> BroadcastTargets()
    {
        var port = _options.Port == 0 ? LocalEndPoint.Port : _options.Port;
        if (_options.LoopbackOnly)
        {
            return [new IPEndPoint(IPAddress.Parse("127.255.255.255"), port)];
        }

        if (_options.BroadcastAddresses.Count > 0)
        {
            return [.. _options.BroadcastAddresses.Distinct().Select(a => new IPEndPoint(a, port))];
        }

        return [.. BroadcastAddresses.OfUpInterfaces().Append(BroadcastAddresses.Limited).Distinct().Select(a => new IPEndPoint(a, port))];
    }

    /// <summary>Closes the socket; <see cref="Received"/> completes after what was queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        // One byte more than allowed, so an oversized datagram shows as a full buffer (Linux
        // truncates silently) instead of passing as a shorter one.
        var buffer = new byte[_options.MaxDatagramBytes + 1];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_disposed)
        {
            try
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any).ConfigureAwait(false);
                if (result.ReceivedBytes > _options.MaxDatagramBytes)
                {
                    Interlocked.Increment(ref _droppedOversized);
                    Judged?.Invoke();
                    continue;
                }

                var datagram = new DiscoveryDatagram(
                    buffer.AsSpan(0, result.ReceivedBytes).ToArray(),
                    (IPEndPoint)result.RemoteEndPoint,
                    _time.GetUtcNow());
                if (_received.Writer.TryWrite(datagram))
                {
                    Interlocked.Increment(ref _receivedCount);
                }
                else
                {
                    Interlocked.Increment(ref _droppedQueueFull);
                }

                Judged?.Invoke();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                Interlocked.Increment(ref _droppedOversized);
            }
            catch (SocketException) when (!_disposed)
            {
                // An ICMP error reported on the socket (port unreachable after a send): not ours to act on.
                Interlocked.Increment(ref _receiveErrors);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                break;
            }
        }

        _received.Writer.TryComplete();
    }
}
