using MeshNode.Actors;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Links;

/// <summary>
/// The listener (<c>/user/node/listener</c>): accepts connections on the node's link port and hands
/// each to the links supervisor as an <see cref="InboundConnection"/>, which runs its handshake.
/// Owns the <see cref="ITransportListener"/> and closes it when it stops. An accept error other
/// than a connection reset before it was accepted is warned about (with this actor's path) and
/// accepting resumes after a pause, so a passing shortage (file descriptors, buffers) does not
/// leave the node deaf for good.
/// </summary>
internal sealed class ListenerActor : ReceiveActor
{
    // Pause after an accept error before the next attempt: long enough not to spin on a persistent
    // error, short enough that peers' reconnect backoff (0.5 s and up) finds the node soon after.
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly ITransportListener _listener;
    private readonly IActorRef _links;
    private readonly LinkContext _context;
    private readonly CancellationTokenSource _stop = new();

    public ListenerActor(ITransportListener listener, IActorRef links, LinkContext context)
    {
        _listener = listener;
        _links = links;
        _context = context;
        Receive<AcceptFailed>(m => LinkContext.Publish(
            Context,
            new NodeWarning(_context.Now, $"{Self.Path}: accepting on {_listener.LocalEndpoint} failed ({m.Reason}); retrying in {RetryPause.TotalSeconds:0.#} s")));
    }

    protected override void PreStart()
    {
        var self = Self;
        var links = _links;
        var token = _stop.Token;
        _ = Task.Run(() => AcceptLoopAsync(self, links, token), CancellationToken.None);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _ = _listener.DisposeAsync().AsTask();
    }

    // A restart keeps the bound socket for the next instance; only a stop closes it.
    protected override void PreRestart(Exception reason, object? message) => _stop.Cancel();

    private async Task AcceptLoopAsync(IActorRef self, IActorRef links, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                var connection = await _listener.AcceptAsync(token).ConfigureAwait(false);
                links.Tell(new InboundConnection(connection));
            }
            catch (TransportException ex) when (ex.Reason is TransportErrorReason.Reset or TransportErrorReason.TimedOut or TransportErrorReason.Aborted)
            {
                // A peer that gave up before we accepted it: nothing to do, take the next one.
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or TransportException { Reason: TransportErrorReason.Closed })
            {
                return;
            }
            catch (Exception ex) when (ex is TransportException or System.Net.Sockets.SocketException or IOException or InvalidOperationException)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                self.Tell(new AcceptFailed(ex.Message));
                try
                {
                    await Task.Delay(RetryPause, _context.Time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private sealed record AcceptFailed(string Reason);
}
