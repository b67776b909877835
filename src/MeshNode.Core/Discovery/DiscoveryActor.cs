using System.Net;
using MeshNode.Actors;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Wire;

namespace MeshNode.Core.Discovery;

/// <summary>
/// Discovery (/user/node/discovery): sends this node's signed announce every
/// <c>mesh.discovery.interval</c> plus up to <c>mesh.discovery.jitter</c> through a
/// <see cref="DiscoverySocket"/>, verifies the announces it hears and ignores its own, stale,
/// forged and other-network ones, and asks the links supervisor to dial each new peer (the host of
/// the datagram's sender, the announced port). Over links it exchanges the announces it holds
/// (its own included), so nodes on a network that drops broadcast between clients still find each other.
/// </summary>
internal sealed class DiscoveryActor : ReceiveActor, IWithTimers
{
    private readonly LinkContext _context;
    private readonly DiscoverySocket? _socket;
    private readonly int _listenPort;
    private readonly IActorRef _links;
    private readonly AnnounceLimits _limits;
    private readonly Dictionary<NodeId, KnownAnnounce> _known = [];
    private readonly HashSet<NodeId> _linked = [];
    private readonly CancellationTokenSource _stop = new();
    private long _ignored;

    public DiscoveryActor(LinkContext context, DiscoverySocket? socket, int listenPort, IActorRef links)
    {
        _context = context;
        _socket = socket;
        _listenPort = listenPort;
        _links = links;
        _limits = context.AnnounceLimits;

        Receive<AnnounceTick>(_ => OnTick());
        Receive<DiscoveryDatagram>(d => OnAnnounce(d.Payload, d.Sender.Address, "udp"));
        Receive<InboundPeerExchange>(OnExchange);
        Receive<LinkAttached>(m =>
        {
            _linked.Add(m.Peer.Id);
            m.Link.Tell(new SendFrame(new PeerExchangeFrame(ExchangeList(m.Peer.Id))));
        });
        Receive<LinkDetached>(m => _linked.Remove(m.Peer));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Announces that failed verification or belong to another network.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    protected override void PreStart()
    {
        if (_socket is not null)
        {
            var self = Self;
            var socket = _socket;
            var token = _stop.Token;
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var datagram in socket.Received.ReadAllAsync(token).ConfigureAwait(false))
                    {
                        self.Tell(datagram);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
            });
        }

        Timers.StartSingleTimer("announce", AnnounceTick.Instance, TimeSpan.FromMilliseconds(50));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        if (_socket is not null)
        {
            _ = _socket.DisposeAsync().AsTask();
        }

        _stop.Dispose();
    }

    private byte[] OwnAnnounce() => AnnounceCodec.Sign(
        _context.Identity,
        _context.Settings.Node.Name,
        [new PeerEndpoint("0.0.0.0", _listenPort)],
        _context.Network,
        _context.Time);

    private void OnTick()
    {
        if (_socket is not null)
        {
            var datagram = OwnAnnounce();
            var socket = _socket;
            _ = Task.Run(async () =>
            {
                try
                {
                    await socket.BroadcastAsync(datagram).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException or ArgumentException)
                {
                    // Counted by the socket; the next tick tries again.
                }
            });
        }

        // Peers heard before but not linked now: dial again (the links supervisor skips linked ones).
        foreach (var known in _known.Values.Where(k => !_linked.Contains(k.Announce.NodeId)))
        {
            if (_context.Time.GetUtcNow() - known.HeardAt < _context.Settings.Discovery.AwayTimeout)
            {
                _links.Tell(new DialEndpoint(known.Endpoint, Persistent: false, known.Announce.NodeId));
            }
        }

        var discovery = _context.Settings.Discovery;
        var jitter = discovery.Jitter.TotalMilliseconds * NextUnit();
        Timers.StartSingleTimer("announce", AnnounceTick.Instance, discovery.Interval + TimeSpan.FromMilliseconds(jitter));
    }

    private void OnAnnounce(ReadOnlyMemory<byte> payload, IPAddress observed, string via)
    {
        VerifiedAnnounce announce;
        try
        {
            announce = AnnounceCodec.Verify(payload.Span, _context.Time, _limits);
        }
        catch (MeshNode.Protocol.ProtocolViolationException)
        {
            Interlocked.Increment(ref _ignored);
            return;
        }

        if (announce.NodeId == _context.Identity.Id)
        {
            return;
        }

        var sameNetwork = _context.Network is null
            ? announce.NetworkTag.IsEmpty
            : !announce.NetworkTag.IsEmpty && _context.Network.MatchesTag(announce.NetworkTag.Span);
        if (!sameNetwork || announce.Endpoints.Count == 0)
        {
            Interlocked.Increment(ref _ignored);
            return;
        }

        var announced = announce.Endpoints[0];
        var host = IPAddress.TryParse(announced.Host, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? announced.Host
            : (observed.IsIPv4MappedToIPv6 ? observed.MapToIPv4() : observed).ToString();
        var endpoint = new TransportEndpoint(host, announced.Port);
        var isNew = !_known.TryGetValue(announce.NodeId, out var previous)
            || previous.Announce.Timestamp < announce.Timestamp;
        if (!isNew)
        {
            return;
        }

        if (_known.Count >= _context.Settings.Discovery.MaxPeers && previous is null)
        {
            return;
        }

        _known[announce.NodeId] = new KnownAnnounce(announce, endpoint, _context.Time.GetUtcNow());
        if (previous is null)
        {
            LinkContext.Publish(Context, new PeerDiscovered(_context.Now, announce.NodeId.ToString(), announce.Name, endpoint.ToString(), via));
        }

        if (!_linked.Contains(announce.NodeId))
        {
            _links.Tell(new DialEndpoint(endpoint, Persistent: false, announce.NodeId));
        }
    }

    private void OnExchange(InboundPeerExchange message)
    {
        foreach (var peer in message.Frame.Peers)
        {
            if (peer.SignedAnnounce.IsEmpty)
            {
                continue;
            }

            var observed = peer.Endpoints.Select(e => IPAddress.TryParse(e.Host, out var a) ? a : null).FirstOrDefault(a => a is not null)
                ?? (IPAddress.TryParse(message.RemoteHost, out var remote) ? remote : IPAddress.Loopback);
            OnAnnounce(peer.SignedAnnounce, observed, "peer-exchange");
        }
    }

    private List<ExchangedPeer> ExchangeList(NodeId to)
    {
        var list = new List<ExchangedPeer>
        {
            new(_context.Identity.Id, [], _context.Time.GetUtcNow().ToUnixTimeMilliseconds(), OwnAnnounce()),
        };
        foreach (var known in _known.Values.Where(k => k.Announce.NodeId != to).OrderByDescending(k => k.HeardAt).Take(_context.LinkFrameLimits.MaxExchangedPeers - 1))
        {
            list.Add(new ExchangedPeer(
                known.Announce.NodeId,
                [new PeerEndpoint(known.Endpoint.Host, known.Endpoint.Port)],
                known.HeardAt.ToUnixTimeMilliseconds(),
                known.Announce.Encoded));
        }

        return list;
    }

    private double NextUnit()
    {
        Span<byte> bytes = stackalloc byte[4];
        _context.Random.Fill(bytes);
        return BitConverter.ToUInt32(bytes) / (double)uint.MaxValue;
    }

    private sealed record KnownAnnounce(VerifiedAnnounce Announce, TransportEndpoint Endpoint, DateTimeOffset HeardAt);

    private sealed record AnnounceTick
    {
        public static readonly AnnounceTick Instance = new();
    }
}
