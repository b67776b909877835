namespace MeshNode.Core.Transport;

/// <summary>Accepts inbound connections until disposed.</summary>
public interface ITransportListener : IAsyncDisposable
{
    /// <summary>The endpoint actually bound (the real port when 0 was asked for).</summary>
    TransportEndpoint LocalEndpoint { get; }

    /// <summary>
    /// Waits for the next inbound connection. After <see cref="IAsyncDisposable.DisposeAsync"/>
    /// pending and later calls throw <see cref="TransportException"/> with
    /// <see cref="TransportErrorReason.Closed"/>.
    /// </summary>
    ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken = default);
}
