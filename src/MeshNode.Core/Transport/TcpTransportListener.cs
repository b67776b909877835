using System.Net;
using System.Net.Sockets;

namespace MeshNode.Core.Transport;

/// <summary>A listening TCP socket.</summary>
internal sealed class TcpTransportListener : ITransportListener
{
    private readonly Socket _socket;
    private readonly TransportSettings _settings;
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    public TcpTransportListener(Socket socket, TransportSettings settings, TimeProvider time)
    {
        _socket = socket;
        _settings = settings;
        _time = time;
        LocalEndpoint = TransportEndpoint.FromIPEndPoint((IPEndPoint)socket.LocalEndPoint!);
    }

    public TransportEndpoint LocalEndpoint { get; }

    public async ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_disposed)
            {
                throw Stopped();
            }

            try
            {
                var socket = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return new TcpTransportConnection(socket, _settings, _time);
                }
                catch (SocketException)
                {
                    // The client went away between accept and set-up: wait for the next one.
                    socket.Dispose();
                }
            }
            catch (ObjectDisposedException)
            {
                throw Stopped();
            }
            catch (SocketException e) when (_disposed)
            {
                throw new TransportException(TransportErrorReason.Closed, $"Listener on {LocalEndpoint} stopped.", e);
            }
            catch (SocketException e)
            {
                throw SocketErrorMapper.Map(e, $"Accept on {LocalEndpoint}");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private TransportException Stopped()
    {
        return new TransportException(TransportErrorReason.Closed, $"Listener on {LocalEndpoint} stopped.");
    }
}
