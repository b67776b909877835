namespace MeshNode.Core.Transport;

/// <summary>
/// The minimal transport contract (listen and connect) every link runs on: TCP for the program,
/// in-memory for mesh tests. Handshake, framing and keepalive live above it. Every
/// implementation passes the same contract test suite.
/// </summary>
public interface ITransport
{
    /// <summary>
    /// Starts listening at <paramref name="local"/>; port 0 picks any free port, and the listener's
    /// <see cref="ITransportListener.LocalEndpoint"/> reports the real one.
    /// </summary>
    /// <exception cref="TransportException">With <see cref="TransportErrorReason.AddressInUse"/> when taken.</exception>
    ValueTask<ITransportListener> ListenAsync(TransportEndpoint local, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a connection to <paramref name="remote"/>, failing after
    /// <see cref="TransportSettings.ConnectTimeout"/>.
    /// </summary>
    /// <exception cref="TransportException">
    /// Refused, TimedOut, Unreachable or Reset; cancellation throws <see cref="OperationCanceledException"/>.
    /// </exception>
    ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint remote, CancellationToken cancellationToken = default);
}
