namespace MeshNode.Core.Transport;

/// <summary>
/// Many nodes in one process, each with an <see cref="InMemoryTransport"/> named by a host
/// (<see cref="CreateTransport"/>), plus the faults the mesh test kit injects. Faults are
/// symmetric and keyed by host names. Randomness (simulated loss) comes from the seed, split per
/// connection by (client host, server host, how many connections that pair made before), so a
/// run that makes the same connects and writes sees the same losses. Latency is measured on
/// <see cref="Time"/>, so a fake TimeProvider drives it.
/// </summary>
/// <remarks>
/// Loss on a byte stream cannot drop a message without corrupting the rest of the stream, so
/// <see cref="SetLoss"/> breaks the connection (Reset) at the first lost block, as TCP does when
/// loss persists. Dropping single messages while the link stays up belongs to the link layer,
/// where message boundaries exist; the mesh test kit does that with a seeded filter on envelopes.
/// </remarks>
public sealed class InMemoryNetwork
{
    private const int FirstEphemeralPort = 49152;
    private const int FirstListenPort = 7000;

    private readonly Lock _gate = new();
    private readonly int _seed;
    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crashed = new(StringComparer.Ordinal);
    private readonly Dictionary<TransportEndpoint, InMemoryListener> _listeners = [];
    private readonly HashSet<InMemoryLink> _links = [];
    private readonly InMemoryFaults _faults = new();
    private readonly Dictionary<(string, string), int> _linksMade = [];
    private int _nextEphemeralPort = FirstEphemeralPort;

    /// <summary>Creates an empty network.</summary>
    /// <param name="seed">Seeds simulated loss; the same seed gives the same run.</param>
    /// <param name="time">The clock for latency and connect timeouts; the system clock when null.</param>
    /// <param name="settings">Buffer limits and timeouts for every connection; validated here.</param>
    public InMemoryNetwork(int seed, TimeProvider? time = null, TransportSettings? settings = null)
    {
        _seed = seed;
        Time = time ?? TimeProvider.System;
        Settings = settings ?? TransportSettings.Default;
        Settings.Validate();
    }

    /// <summary>The clock that latency and connect timeouts use.</summary>
    public TimeProvider Time { get; }

    /// <summary>The settings every connection on this network uses.</summary>
    public TransportSettings Settings { get; }

    /// <summary>Live connections (not yet closed on both sides nor broken).</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _links.Count;
            }
        }
    }

    /// <summary>Adds a node named <paramref name="host"/> (or returns another transport for it).</summary>
    public InMemoryTransport CreateTransport(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        lock (_gate)
        {
            _hosts.Add(host);
        }

        return new InMemoryTransport(this, host);
    }

    /// <summary>Bytes between a and b vanish both ways, in flight too; connections stay up and connects time out.</summary>
    public void Blackhole(string a, string b)
    {
        _faults.Blackhole(a, b);
    }

    /// <summary>
    /// Splits the network: hosts in different groups cannot connect (Refused) and their
    /// connections break (Reset). Hosts named in no group form one more group together.
    /// Replaces any earlier partition.
    /// </summary>
    public void Partition(params IEnumerable<string>[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            foreach (var host in groups[i])
            {
                map[host] = i;
            }
        }

        List<InMemoryLink> cut;
        lock (_gate)
        {
            _faults.Partition(map);
            cut = _links.Where(l => !_faults.CanReach(l.ClientHost, l.ServerHost)).ToList();
        }

        foreach (var link in cut)
        {
            link.Break(null, "network partitioned");
        }
    }

    /// <summary>Removes every partition, blackhole, delay and loss rate. Broken connections stay broken.</summary>
    public void Heal()
    {
        _faults.Clear();
    }

    /// <summary>Removes the blackhole, delay and loss rate between a and b; a partition stays.</summary>
    public void Heal(string a, string b)
    {
        _faults.Clear(a, b);
    }

    /// <summary>Every host name added with <see cref="CreateTransport"/>.</summary>
    public IReadOnlyCollection<string> Hosts
    {
        get
        {
            lock (_gate)
            {
                return [.. _hosts];
            }
        }
    }

    /// <summary>Resets every connection between a and b (both sides see Reset); returns how many.</summary>
    public int DropConnections(string a, string b)
    {
        var dropped = LinksWhere(l => l.Joins(a, b));
        foreach (var link in dropped)
        {
            link.Break(null, $"connection between {a} and {b} dropped");
        }

        return dropped.Count;
    }

    /// <summary>One-way latency added to bytes between a and b, both ways; zero removes it.</summary>
    public void Delay(string a, string b, TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _faults.SetLatency(a, b, latency);
    }

    /// <summary>
    /// Each 1,024-byte block between a and b is lost with this probability (0 to 1); a loss
    /// breaks the connection (see the remarks on <see cref="InMemoryNetwork"/>).
    /// </summary>
    public void SetLoss(string a, string b, double blockLossProbability)
    {
        if (blockLossProbability is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(blockLossProbability), blockLossProbability, "A probability is 0 to 1.");
        }

        _faults.SetLoss(a, b, blockLossProbability);
    }

    /// <summary>
    /// The node's process dies: its listeners vanish, its connections are aborted on its side and
    /// reset on the other, and its transport fails with Closed until <see cref="Restart"/>.
    /// </summary>
    public void Crash(string host)
    {
        List<InMemoryListener> listeners;
        List<InMemoryLink> links;
        lock (_gate)
        {
            _crashed.Add(host);
            listeners = _listeners.Values.Where(l => l.LocalEndpoint.Host == host).ToList();
            foreach (var listener in listeners)
            {
                _listeners.Remove(listener.LocalEndpoint);
            }

            links = _links.Where(l => l.ClientHost == host || l.ServerHost == host).ToList();
        }

        foreach (var listener in listeners)
        {
            listener.Stop($"node {host} crashed");
        }

        foreach (var link in links)
        {
            link.Break(link.ClientHost == host ? link.Client : link.Server, $"node {host} crashed");
        }
    }

    /// <summary>The node may listen and connect again (as a fresh process would).</summary>
    public void Restart(string host)
    {
        lock (_gate)
        {
            _crashed.Remove(host);
        }
    }

    /// <summary>True between <see cref="Crash"/> and <see cref="Restart"/>.</summary>
    public bool IsCrashed(string host)
    {
        lock (_gate)
        {
            return _crashed.Contains(host);
        }
    }

    internal InMemoryListener Listen(string host, TransportEndpoint local)
    {
        var wanted = local.Host is "0.0.0.0" or "::" or "*" ? host : local.Host;
        lock (_gate)
        {
            ThrowIfCrashedLocked(host);
            if (wanted != host)
            {
                throw new TransportException(TransportErrorReason.Unreachable, $"Node {host} cannot listen on {local}: not its host.");
            }

            var port = local.Port;
            if (port == 0)
            {
                port = FirstListenPort;
                while (_listeners.ContainsKey(new TransportEndpoint(host, port)))
                {
                    port++;
                }
            }

            var endpoint = new TransportEndpoint(host, port);
            if (_listeners.ContainsKey(endpoint))
            {
                throw new TransportException(TransportErrorReason.AddressInUse, $"Listen on {endpoint}: already in use.");
            }

            var listener = new InMemoryListener(this, endpoint, Settings.ListenBacklog);
            _listeners.Add(endpoint, listener);
            return listener;
        }
    }

    internal async ValueTask<ITransportConnection> ConnectAsync(string from, TransportEndpoint remote, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfCrashedLocked(from);
            if (!_hosts.Contains(remote.Host))
            {
                throw new TransportException(TransportErrorReason.Unreachable, $"Connect to {remote}: no node named '{remote.Host}'.");
            }

            if (!_faults.IsBlackholed(from, remote.Host))
            {
                return ConnectLocked(from, remote);
            }
        }

        // The handshake vanishes in the blackhole, so the connect times out as TCP's would.
        await Task.Delay(Settings.ConnectTimeout, Time, cancellationToken).ConfigureAwait(false);
        throw new TransportException(
            TransportErrorReason.TimedOut,
            $"Connect to {remote} timed out after {Settings.ConnectTimeout.TotalMilliseconds} ms (blackhole).");
    }

    /// <summary>Test hook: bytes (0 for the end of the stream) vanished in a blackhole from a to b.</summary>
    internal event Action<string, string, int>? Vanished;

    /// <summary>Test hook: the wire from a to b lost the block with this index and broke.</summary>
    internal event Action<string, string, long>? Lost;

    internal void OnVanished(string from, string to, int bytes)
    {
        Vanished?.Invoke(from, to, bytes);
    }

    internal void OnLost(string from, string to, long block)
    {
        Lost?.Invoke(from, to, block);
    }

    internal bool IsBlackholed(string from, string to)
    {
        return _faults.IsBlackholed(from, to);
    }

    internal TimeSpan LatencyOf(string from, string to)
    {
        return _faults.LatencyOf(from, to);
    }

    internal double LossOf(string from, string to)
    {
        return _faults.LossOf(from, to);
    }

    internal void Forget(InMemoryLink link)
    {
        lock (_gate)
        {
            _links.Remove(link);
        }
    }

    internal void RemoveListener(InMemoryListener listener)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue(listener.LocalEndpoint, out var current) && current == listener)
            {
                _listeners.Remove(listener.LocalEndpoint);
            }
        }
    }

    private InMemoryConnection ConnectLocked(string from, TransportEndpoint remote)
    {
        if (!_faults.CanReach(from, remote.Host))
        {
            throw new TransportException(TransportErrorReason.Refused, $"Connect to {remote}: refused (network partitioned).");
        }

        if (!_listeners.TryGetValue(remote, out var listener))
        {
            throw new TransportException(TransportErrorReason.Refused, $"Connect to {remote}: refused (nothing listens there).");
        }

        var local = new TransportEndpoint(from, _nextEphemeralPort);
        _nextEphemeralPort = _nextEphemeralPort == ushort.MaxValue ? FirstEphemeralPort : _nextEphemeralPort + 1;
        var client = new InMemoryConnection(local, remote, Settings);
        var server = new InMemoryConnection(remote, local, Settings);
        var made = _linksMade.GetValueOrDefault((from, remote.Host));
        _linksMade[(from, remote.Host)] = made + 1;
        var link = new InMemoryLink(
            this,
            client,
            server,
            new Random(StableSeed.For(_seed, from, remote.Host, made, 0)),
            new Random(StableSeed.For(_seed, from, remote.Host, made, 1)));
        if (!listener.TryOffer(server))
        {
            throw new TransportException(TransportErrorReason.Refused, $"Connect to {remote}: refused (backlog of {Settings.ListenBacklog} full).");
        }

        _links.Add(link);
        link.Start();
        return client;
    }

    private List<InMemoryLink> LinksWhere(Func<InMemoryLink, bool> predicate)
    {
        lock (_gate)
        {
            return _links.Where(predicate).ToList();
        }
    }

    private void ThrowIfCrashedLocked(string host)
    {
        if (_crashed.Contains(host))
        {
            throw new TransportException(TransportErrorReason.Closed, $"Node {host} is crashed (until restarted).");
        }
    }

}
