using System.IO.Pipelines;
using MeshNode.Core.Transport;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>A transport that passes everything through and counts the frames this node writes (<see cref="TrafficCounter"/>).</summary>
internal sealed class CountingTransport(ITransport inner, TrafficCounter counter) : ITransport
{
    public async ValueTask<ITransportListener> ListenAsync(TransportEndpoint local, CancellationToken cancellationToken = default) =>
        new Listener(await inner.ListenAsync(local, cancellationToken), counter);

    public async ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint remote, CancellationToken cancellationToken = default) =>
        new Connection(await inner.ConnectAsync(remote, cancellationToken), counter);

    private sealed class Listener(ITransportListener inner, TrafficCounter counter) : ITransportListener
    {
        public TransportEndpoint LocalEndpoint => inner.LocalEndpoint;

        public async ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken = default) =>
            new Connection(await inner.AcceptAsync(cancellationToken), counter);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Connection(ITransportConnection inner, TrafficCounter counter) : ITransportConnection, IDuplexPipe
    {
        private readonly CountingWriter _output = new(inner.Pipe.Output, counter);

        public IDuplexPipe Pipe => this;

        public PipeReader Input => inner.Pipe.Input;

        public PipeWriter Output => _output;

        public TransportEndpoint LocalEndpoint => inner.LocalEndpoint;

        public TransportEndpoint RemoteEndpoint => inner.RemoteEndpoint;

        public Task<TransportClosure> Closed => inner.Closed;

        public void Abort(string reason) => inner.Abort(reason);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Reads the bytes handed to <see cref="Advance"/> to follow the 2-byte big-endian length prefixes.</summary>
    private sealed class CountingWriter(PipeWriter inner, TrafficCounter counter) : PipeWriter
    {
        private Memory<byte> _last;
        private int _headerBytes;
        private int _length;
        private int _remaining;

        public override void Advance(int bytes)
        {
            Scan(_last.Span[..bytes]);
            _last = default;
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        private void Scan(ReadOnlySpan<byte> written)
        {
            while (!written.IsEmpty)
            {
                if (_remaining > 0)
                {
                    var skip = Math.Min(_remaining, written.Length);
                    _remaining -= skip;
                    written = written[skip..];
                    continue;
                }

                _length = (_length << 8) | written[0];
                written = written[1..];
                if (++_headerBytes == 2)
                {
                    counter.Frame(_length);
                    _remaining = _length;
                    _headerBytes = 0;
                    _length = 0;
                }
            }
        }
    }
}
