namespace MeshNode.Core.Transport;

/// <summary>Why a transport operation failed or a connection ended.</summary>
public enum TransportErrorReason
{
    /// <summary>Nothing listens at the remote endpoint (or a partition refuses the connect).</summary>
    Refused,

    /// <summary>The connect did not complete within <see cref="TransportSettings.ConnectTimeout"/>.</summary>
    TimedOut,

    /// <summary>The remote side aborted or the link broke (RST, crash, fault injection).</summary>
    Reset,

    /// <summary>Closed cleanly by either side, or the object was disposed.</summary>
    Closed,

    /// <summary>No route to the host, or the host name does not resolve.</summary>
    Unreachable,

    /// <summary>Aborted locally with <see cref="ITransportConnection.Abort"/>.</summary>
    Aborted,

    /// <summary>The local endpoint is already taken by another listener.</summary>
    AddressInUse,
}
