using System.Net;
using System.Net.Sockets;

namespace MeshNode.Core.Transport;

/// <summary>
/// TCP over IPv4 and IPv6 sockets with Nagle off. Listening on <c>::</c> accepts IPv4 too
/// (dual mode); <c>0.0.0.0</c> is IPv4 only. Host names are resolved with DNS and the first
/// address that answers is used.
/// </summary>
public sealed class TcpTransport : ITransport
{
    private readonly TransportSettings _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the transport; <paramref name="settings"/> are validated here.</summary>
    public TcpTransport(TransportSettings? settings = null, TimeProvider? time = null)
    {
        _settings = settings ?? TransportSettings.Default;
        _settings.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<ITransportListener> ListenAsync(TransportEndpoint local, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(local);
        var addresses = await ResolveAsync(local, cancellationToken).ConfigureAwait(false);
        var address = addresses[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, local.Port));
            socket.Listen(_settings.ListenBacklog);
            return new TcpTransportListener(socket, _settings, _time);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketErrorMapper.Map(e, $"Listen on {local}");
        }
    }

    /// <inheritdoc />
    public async ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        TransportException? last = null;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(remote, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(remote);
        }

        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, remote.Port), linked.Token).ConfigureAwait(false);
                return new TcpTransportConnection(socket, _settings, _time);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw TimedOut(remote);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = SocketErrorMapper.Map(e, $"Connect to {remote}");
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new TransportException(TransportErrorReason.Unreachable, $"Connect to {remote}: no address.");
    }

    private TransportException TimedOut(TransportEndpoint remote)
    {
        return new TransportException(
            TransportErrorReason.TimedOut,
            $"Connect to {remote} timed out after {_settings.ConnectTimeout.TotalMilliseconds} ms.");
    }

    private static async Task<IPAddress[]> ResolveAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(endpoint.Host, out var literal))
        {
            return [literal];
        }

        try
        {
            var found = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
            return found.Length > 0
                ? found
                : throw new TransportException(TransportErrorReason.Unreachable, $"Host '{endpoint.Host}' has no address.");
        }
        catch (SocketException e)
        {
            throw SocketErrorMapper.Map(e, $"Resolve '{endpoint.Host}'");
        }
    }
}
