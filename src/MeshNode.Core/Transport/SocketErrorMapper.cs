using System.Net.Sockets;

namespace MeshNode.Core.Transport;

/// <summary>Maps socket errors onto <see cref="TransportErrorReason"/>.</summary>
internal static class SocketErrorMapper
{
    public static TransportErrorReason Reason(SocketError error)
    {
        return error switch
        {
            SocketError.ConnectionRefused => TransportErrorReason.Refused,
            SocketError.TimedOut => TransportErrorReason.TimedOut,
            SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound
                or SocketError.HostDown or SocketError.NetworkDown or SocketError.AddressNotAvailable
                or SocketError.NoData or SocketError.TryAgain => TransportErrorReason.Unreachable,
            SocketError.AddressAlreadyInUse => TransportErrorReason.AddressInUse,
            SocketError.OperationAborted or SocketError.Shutdown or SocketError.NotConnected
                or SocketError.Interrupted => TransportErrorReason.Closed,
            _ => TransportErrorReason.Reset,
        };
    }

    public static TransportException Map(SocketException exception, string what)
    {
        var reason = Reason(exception.SocketErrorCode);
        return new TransportException(reason, $"{what}: {reason} ({exception.SocketErrorCode}).", exception);
    }
}
