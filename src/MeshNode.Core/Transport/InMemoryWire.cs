using System.Threading.Channels;

namespace MeshNode.Core.Transport;

/// <summary>
/// One direction of an in-memory link. The pump reads what the source side wrote and queues it
/// with a due time (simulated latency); the delivery loop writes it into the destination side
/// when due. Faults are looked up in the network on every chunk, so they apply to bytes already
/// in flight. The queue is bounded, so a destination that does not read stops the source writer.
/// </summary>
internal sealed class InMemoryWire
{
    /// <summary>Largest chunk queued at once; also the granularity of delivery.</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Loss is decided per block of this many bytes, so it does not depend on how writes were batched.</summary>
    private const int LossBlockBytes = 1024;

    private readonly InMemoryLink _link;
    private readonly InMemoryConnection _source;
    private readonly InMemoryConnection _destination;
    private readonly InMemoryNetwork _network;
    private readonly Random _random;
    private readonly Channel<Chunk> _queue;
    private readonly CancellationTokenSource _broken = new();
    private TransportException? _sourceError;
    private TransportException? _destinationError;
    private long _bytesSeen;
    private long _blocksDecided;

    public InMemoryWire(InMemoryLink link, InMemoryConnection source, InMemoryConnection destination, InMemoryNetwork network, Random random)
    {
        _link = link;
        _source = source;
        _destination = destination;
        _network = network;
        _random = random;
        var capacity = Math.Max(4, network.Settings.MaxBufferedBytes / ChunkBytes);
        _queue = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    private string From => _source.LocalEndpoint.Host;

    private string To => _destination.LocalEndpoint.Host;

    public void Start()
    {
        _ = Task.Run(PumpAsync);
        _ = Task.Run(DeliverAsync);
    }

    public void Break(TransportException sourceError, TransportException destinationError)
    {
        _sourceError = sourceError;
        _destinationError = destinationError;
        _broken.Cancel();
    }

    private async Task PumpAsync()
    {
        var reader = _source.Output.Reader;
        var token = _broken.Token;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                foreach (var segment in result.Buffer)
                {
                    for (var offset = 0; offset < segment.Length; offset += ChunkBytes)
                    {
                        var piece = segment.Slice(offset, Math.Min(ChunkBytes, segment.Length - offset));
                        if (LosesBlockIn(piece.Length))
                        {
                            // A stream cannot skip bytes without corrupting what follows, so a
                            // lost block breaks the connection, as TCP does when loss persists.
                            _link.Break(null, $"simulated loss between {From} and {To}");
                            throw new OperationCanceledException(token);
                        }

                        var due = _network.Time.GetUtcNow() + _network.LatencyOf(From, To);
                        await _queue.Writer.WriteAsync(new Chunk(piece.ToArray(), due), token).ConfigureAwait(false);
                    }
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    var due = _network.Time.GetUtcNow() + _network.LatencyOf(From, To);
                    await _queue.Writer.WriteAsync(new Chunk(null, due), token).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Broken: the source sees the error set by Break.
        }
        catch (InvalidOperationException)
        {
            // The source side finished with its pipe after a break.
        }

        _queue.Writer.TryComplete();
        await reader.CompleteAsync(_broken.IsCancellationRequested ? _sourceError : null).ConfigureAwait(false);
    }

    private async Task DeliverAsync()
    {
        var writer = _destination.Input.Writer;
        var token = _broken.Token;
        var discard = false;
        try
        {
            await foreach (var chunk in _queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                var wait = chunk.Due - _network.Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _network.Time, token).ConfigureAwait(false);
                }

                if (_network.IsBlackholed(From, To))
                {
                    _network.OnVanished(From, To, chunk.Data?.Length ?? 0);
                    continue;
                }

                if (chunk.Data is null)
                {
                    _destination.TryClose(new TransportClosure(TransportErrorReason.Closed, false, "closed by the remote side"));
                    await writer.CompleteAsync().ConfigureAwait(false);
                    return;
                }

                if (!discard)
                {
                    var flush = await writer.WriteAsync(chunk.Data, token).ConfigureAwait(false);

                    // The destination stopped reading (it closed): like TCP after close, drop the rest.
                    discard = flush.IsCompleted;
                }
            }

            // The end of the stream vanished in a blackhole: the destination stays "up" until a
            // keepalive above notices, exactly what a blackhole is for.
            await Task.Delay(Timeout.InfiniteTimeSpan, _network.Time, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Broken: the destination sees the error set by Break.
        }
        catch (InvalidOperationException)
        {
            // The destination side finished with its pipe after a break.
        }

        await writer.CompleteAsync(_destinationError).ConfigureAwait(false);
    }

    private bool LosesBlockIn(int length)
    {
        _bytesSeen += length;
        var blocks = _bytesSeen / LossBlockBytes;
        var probability = _network.LossOf(From, To);
        var lost = false;
        for (; _blocksDecided < blocks; _blocksDecided++)
        {
            if (probability > 0 && _random.NextDouble() < probability && !lost)
            {
                lost = true;
                _network.OnLost(From, To, _blocksDecided);
            }
        }

        return lost;
    }

    private readonly record struct Chunk(byte[]? Data, DateTimeOffset Due);
}
