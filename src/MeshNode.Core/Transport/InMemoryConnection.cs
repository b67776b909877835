using System.IO.Pipelines;

namespace MeshNode.Core.Transport;

/// <summary>
/// One side of an in-memory connection. The application owns <see cref="Pipe"/>; the link's two
/// wires own the other pipe ends (the wire into this side writes <c>_input</c>, the wire out
/// of it reads <c>_output</c>).
/// </summary>
internal sealed class InMemoryConnection : ITransportConnection
{
    private readonly TaskCompletionSource<TransportClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    public InMemoryConnection(TransportEndpoint local, TransportEndpoint remote, TransportSettings settings)
    {
        LocalEndpoint = local;
        RemoteEndpoint = remote;
        Input = new Pipe(settings.CreatePipeOptions());
        Output = new Pipe(settings.CreatePipeOptions());
        Pipe = new DuplexPipe(Input.Reader, Output.Writer);
    }

    public IDuplexPipe Pipe { get; }

    public TransportEndpoint LocalEndpoint { get; }

    public TransportEndpoint RemoteEndpoint { get; }

    public Task<TransportClosure> Closed => _closed.Task;

    /// <summary>Bytes received from the remote side (written by the inbound wire).</summary>
    internal Pipe Input { get; }

    /// <summary>Bytes to send (read by the outbound wire).</summary>
    internal Pipe Output { get; }

    internal InMemoryLink? Link { get; set; }

    public void Abort(string reason)
    {
        Link?.Break(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        TryClose(new TransportClosure(TransportErrorReason.Closed, true, "closed by this side"));

        // What was written is still delivered, then the end of the stream. Unlike TCP this does
        // not wait for delivery: with simulated latency under virtual time it could wait forever.
        await Input.Reader.CompleteAsync().ConfigureAwait(false);
        await Output.Writer.CompleteAsync().ConfigureAwait(false);
        Link?.SideDisposed();
    }

    internal bool TryClose(TransportClosure closure)
    {
        return _closed.TrySetResult(closure);
    }
}
