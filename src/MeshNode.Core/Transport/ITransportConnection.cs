using System.IO.Pipelines;

namespace MeshNode.Core.Transport;

/// <summary>
/// One bidirectional byte stream. Bytes arrive in order or not at all. Both directions are
/// bounded by <see cref="TransportSettings.MaxBufferedBytes"/>: when the remote reader falls
/// behind, <c>Pipe.Output.FlushAsync</c> does not complete until it catches up (back-pressure).
/// <see cref="IAsyncDisposable.DisposeAsync"/> is a clean close: bytes already written are sent,
/// then the remote reader sees the end of the stream. Dispose only once this side's reader and
/// writer are idle (the pipe's one-user rule); to break a connection from another thread, call
/// <see cref="Abort"/>, which is thread-safe.
/// </summary>
public interface ITransportConnection : IAsyncDisposable
{
    /// <summary>
    /// Read received bytes from <c>Input</c>, write bytes to send to <c>Output</c>. One reader and
    /// one writer at a time (the pipe's rule). On a broken connection reads and flushes throw
    /// <see cref="TransportException"/>; after a clean remote close the read result is completed.
    /// </summary>
    IDuplexPipe Pipe { get; }

    /// <summary>This side's endpoint.</summary>
    TransportEndpoint LocalEndpoint { get; }

    /// <summary>The other side's endpoint.</summary>
    TransportEndpoint RemoteEndpoint { get; }

    /// <summary>
    /// Completes (never faults) when either side closes or aborts or the link breaks, saying
    /// why. Link actors watch it to notice a dead connection.
    /// </summary>
    Task<TransportClosure> Closed { get; }

    /// <summary>
    /// Breaks the connection at once: unsent bytes are dropped, the remote side sees
    /// <see cref="TransportErrorReason.Reset"/>, this side <see cref="TransportErrorReason.Aborted"/>.
    /// Safe to call more than once and from any thread.
    /// </summary>
    void Abort(string reason);
}
