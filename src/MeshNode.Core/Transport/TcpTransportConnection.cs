using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace MeshNode.Core.Transport;

/// <summary>
/// A TCP connection behind two bounded pipes. Thread rule: the receive loop alone writes the
/// input pipe and the send loop alone reads the output pipe; other threads only signal them
/// (socket close, CancelPendingRead), so no pipe end is ever used from two threads.
/// </summary>
internal sealed class TcpTransportConnection : ITransportConnection
{
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly Socket _socket;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly TransportSettings _settings;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<TransportClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiving;
    private readonly Task _sending;
    private volatile TransportException? _abortedWith;
    private volatile TransportException? _brokenWith;
    private volatile bool _closingLocally;
    private int _disposed;

    public TcpTransportConnection(Socket socket, TransportSettings settings, TimeProvider time)
    {
        _socket = socket;
        _settings = settings;
        _time = time;
        socket.NoDelay = true;
        if (settings.SocketBufferBytes is { } size)
        {
            socket.SendBufferSize = size;
            socket.ReceiveBufferSize = size;
        }

        LocalEndpoint = TransportEndpoint.FromIPEndPoint((IPEndPoint)socket.LocalEndPoint!);
        RemoteEndpoint = TransportEndpoint.FromIPEndPoint((IPEndPoint)socket.RemoteEndPoint!);
        _input = new Pipe(settings.CreatePipeOptions());
        _output = new Pipe(settings.CreatePipeOptions());
        Pipe = new DuplexPipe(_input.Reader, _output.Writer);
        _receiving = Task.Run(ReceiveLoopAsync);
        _sending = Task.Run(SendLoopAsync);
    }

    public IDuplexPipe Pipe { get; }

    public TransportEndpoint LocalEndpoint { get; }

    public TransportEndpoint RemoteEndpoint { get; }

    public Task<TransportClosure> Closed => _closed.Task;

    public void Abort(string reason)
    {
        if (_abortedWith is not null)
        {
            return;
        }

        _abortedWith = new TransportException(TransportErrorReason.Aborted, $"Connection to {RemoteEndpoint} aborted: {reason}");
        _closed.TrySetResult(new TransportClosure(TransportErrorReason.Aborted, true, reason));
        try
        {
            // Linger 0 makes close send RST, so the remote side learns at once.
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        _socket.Dispose();
        _output.Reader.CancelPendingRead();
        _input.Writer.CancelPendingFlush();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_abortedWith is null)
        {
            _closingLocally = true;
            _closed.TrySetResult(new TransportClosure(TransportErrorReason.Closed, true, "closed by this side"));

            // The application is done with both ends: what it wrote is still sent, then FIN.
            await _input.Reader.CompleteAsync().ConfigureAwait(false);
            await _output.Writer.CompleteAsync().ConfigureAwait(false);
            try
            {
                await _sending.WaitAsync(_settings.CloseTimeout, _time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Abort($"unsent bytes did not leave within {_settings.CloseTimeout.TotalMilliseconds} ms");
            }
        }

        // Closing the socket while the remote side still sends would reset it and could discard
        // our last bytes in flight, so the socket lingers (in the background, up to the close
        // timeout) until the remote side closes in turn.
        _ = LingerThenCloseAsync();
    }

    private async Task LingerThenCloseAsync()
    {
        try
        {
            await _receiving.WaitAsync(_settings.CloseTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Abort("remote side did not close in turn");
        }

        await Task.WhenAll(_sending, _receiving).ConfigureAwait(false);
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var writer = _input.Writer;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(ReceiveChunkBytes);
                var received = await _socket.ReceiveAsync(memory, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    _closed.TrySetResult(new TransportClosure(TransportErrorReason.Closed, false, "closed by the remote side"));
                    break;
                }

                writer.Advance(received);
                var flush = await writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCanceled)
                {
                    // Only Abort cancels the flush.
                    failure = _abortedWith;
                    break;
                }

                if (flush.IsCompleted)
                {
                    // The application stopped reading (clean close): wait for the remote FIN so
                    // closing the socket does not reset data still in flight towards it.
                    await DrainUntilRemoteCloseAsync().ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            failure = Fail(e, "receive");
        }

        await writer.CompleteAsync(failure).ConfigureAwait(false);
    }

    private async Task DrainUntilRemoteCloseAsync()
    {
        var scratch = new byte[4096];
        while (await _socket.ReceiveAsync(scratch, SocketFlags.None).ConfigureAwait(false) > 0)
        {
            // Discarded: this side no longer reads.
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    failure = _abortedWith ?? _brokenWith ?? new TransportException(TransportErrorReason.Closed, "Send stopped.");
                    break;
                }

                foreach (var segment in result.Buffer)
                {
                    var rest = segment;
                    while (!rest.IsEmpty)
                    {
                        var sent = await _socket.SendAsync(rest, SocketFlags.None).ConfigureAwait(false);
                        rest = rest[sent..];
                    }
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    _socket.Shutdown(SocketShutdown.Send);
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            failure = Fail(e, "send");
        }

        await reader.CompleteAsync(failure).ConfigureAwait(false);
    }

    private TransportException? Fail(Exception e, string operation)
    {
        if (_abortedWith is { } aborted)
        {
            return aborted;
        }

        var mapped = e is SocketException socketError
            ? SocketErrorMapper.Map(socketError, $"TCP {operation} with {RemoteEndpoint}")
            : new TransportException(TransportErrorReason.Closed, $"TCP {operation} with {RemoteEndpoint}: socket closed.", e);
        if (_closingLocally && mapped.Reason is TransportErrorReason.Closed)
        {
            return null;
        }

        _closed.TrySetResult(new TransportClosure(mapped.Reason, false, mapped.Message));

        // A broken link is broken both ways: fail the application's writes now rather than at
        // the next send, as the in-memory transport does.
        _brokenWith ??= mapped;
        _output.Reader.CancelPendingRead();
        return mapped;
    }
}
