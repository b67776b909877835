namespace MeshNode.Core.Transport;

/// <summary>How a connection ended: the value of <see cref="ITransportConnection.Closed"/>.</summary>
/// <param name="Reason">
/// <see cref="TransportErrorReason.Closed"/> for a clean close by either side,
/// <see cref="TransportErrorReason.Aborted"/> after a local <see cref="ITransportConnection.Abort"/>,
/// <see cref="TransportErrorReason.Reset"/> (or another reason) when the link broke.
/// </param>
/// <param name="ByLocalSide">True when this side closed or aborted; false when the remote side or the network did.</param>
/// <param name="Detail">A human-readable cause for logs (never message contents).</param>
public sealed record TransportClosure(TransportErrorReason Reason, bool ByLocalSide, string Detail);
