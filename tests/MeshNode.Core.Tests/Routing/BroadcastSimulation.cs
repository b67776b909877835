using MeshNode.Core.Routing;
using MeshNode.Core.Topology;

namespace MeshNode.Core.Tests.Routing;

/// <summary>
/// A deterministic discrete-event simulation of broadcasts over a <see cref="SimulatedTopology"/>:
/// every node has its own <see cref="LinkStateDatabase"/> fed with every node's record (a
/// converged mesh), messages take half the link's RTT per hop, and every transmission (payload,
/// digest or pull) is dropped with a seeded probability. It runs the production forwarding code
/// (<see cref="BroadcastForwarding"/>, <see cref="BroadcastRepair"/>) and counts deliveries and
/// duplicates per node per broadcast. Test-side so a benchmark can call it once the benchmark
/// project references Core.
/// </summary>
internal sealed class BroadcastSimulation
{
    private readonly SimulatedTopology _topology;
    private readonly ManualTestClock _clock = new();
    private readonly LinkStateDatabase[] _databases;
    private readonly bool[] _gone;

    public BroadcastSimulation(SimulatedTopology topology)
    {
        _topology = topology;
        _gone = new bool[topology.Count];
        var settings = new TopologySettings();
        _databases = topology.Keys.Select(k => new LinkStateDatabase(k, settings, _clock, initialSequence: 0)).ToArray();
        // Converged: every node issues its record, every database takes all the others at once.
        var records = Enumerable.Range(0, topology.Count).Select(i => _databases[i].IssueOwn(OwnLinks(i)).OwnRecord!).ToArray();
        for (var i = 0; i < topology.Count; i++)
        {
            _databases[i].ApplyAll(records.Where(r => r.Origin != topology.Keys[i]).ToArray());
        }
    }

    public BroadcastRepairSettings RepairSettings { get; init; } = new();

    public int HopLimit { get; init; } = 32;

    /// <summary>Called with a line per event handled or message dropped, to see why a node was missed.</summary>
    public Action<string>? Trace { get; set; }

    public TopologyGraph GraphOf(int node) => _databases[node].Graph;

    /// <summary>
    /// Node <paramref name="node"/> leaves: its links go down at once. With
    /// <paramref name="republish"/> its former neighbours issue new records and every remaining
    /// database takes them (the next snapshot); without, every node keeps its stale graph.
    /// </summary>
    public void RemoveNode(int node, bool republish)
    {
        var neighbours = _topology.NeighboursOf(node).ToArray();
        _topology.Isolate(node);
        _gone[node] = true;
        if (republish)
        {
            foreach (var neighbour in neighbours)
            {
                Publish(neighbour);
            }
        }
    }

    /// <summary>Every live node originates <paramref name="rounds"/> broadcasts, in turn.</summary>
    public SimulationResult Run(BroadcastScheme scheme, double dropRate, int seed, int rounds = 1)
    {
        var random = new Random(seed);
        var alive = Enumerable.Range(0, _topology.Count).Where(i => !_gone[i]).ToArray();
        int broadcasts = 0, full = 0;
        double delivered = 0, duplicates = 0, payloads = 0, digests = 0, pulls = 0, latency = 0, latencySamples = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var origin in alive)
            {
                var outcome = RunOne(scheme, origin, dropRate, random);
                broadcasts++;
                var reached = alive.Count(i => i != origin && outcome.Received[i]);
                delivered += reached / (double)(alive.Length - 1);
                full += reached == alive.Length - 1 ? 1 : 0;
                duplicates += outcome.Duplicates.Sum() / (double)alive.Length;
                payloads += outcome.PayloadSends;
                digests += outcome.DigestSends;
                pulls += outcome.PullSends;
                latency += outcome.LatencyTicks.Where(t => t > 0).Sum() / (double)TimeSpan.TicksPerMillisecond;
                latencySamples += reached;
            }
        }

        return new SimulationResult(
            scheme,
            dropRate,
            alive.Length,
            broadcasts,
            delivered / broadcasts,
            full / (double)broadcasts,
            duplicates / broadcasts,
            payloads / broadcasts,
            digests / broadcasts,
            pulls / broadcasts,
            latencySamples == 0 ? 0 : latency / latencySamples);
    }

    /// <summary>One broadcast from <paramref name="origin"/>, hop by hop, until nothing is in flight.</summary>
    public BroadcastOutcome RunOne(BroadcastScheme scheme, int origin, double dropRate, Random random)
    {
        var run = new Broadcast(this, scheme, origin, dropRate, random);
        run.Start();
        return run.Outcome;
    }

    private void Publish(int node)
    {
        var record = _databases[node].IssueOwn(OwnLinks(node)).OwnRecord!;
        for (var i = 0; i < _databases.Length; i++)
        {
            if (i != node && !_gone[i])
            {
                _databases[i].Apply(record);
            }
        }
    }

    private LinkStateNeighbour[] OwnLinks(int node) =>
        _topology.NeighboursOf(node).Select(n => new LinkStateNeighbour(_topology.Keys[n], _topology.RttOf(node, n))).ToArray();

    /// <summary>The state of one broadcast in flight.</summary>
    private sealed class Broadcast
    {
        private static readonly MessageId Id = new(1, 1);

        private readonly BroadcastSimulation _sim;
        private readonly BroadcastScheme _scheme;
        private readonly int _origin;
        private readonly double _dropRate;
        private readonly Random _random;
        private readonly int[] _hops;
        private readonly BroadcastRepair[] _repair;
        private readonly PriorityQueue<Event, (long At, long Order)> _events = new();
        private readonly long _start;
        private long _order;

        public Broadcast(BroadcastSimulation sim, BroadcastScheme scheme, int origin, double dropRate, Random random)
        {
            _sim = sim;
            _scheme = scheme;
            _origin = origin;
            _dropRate = dropRate;
            _random = random;
            var count = sim._topology.Count;
            _hops = new int[count];
            _repair = new BroadcastRepair[count];
            for (var i = 0; i < count; i++)
            {
                _repair[i] = new BroadcastRepair(sim.RepairSettings, sim._clock);
            }

            _start = sim._clock.GetTimestamp();
            Outcome = new BroadcastOutcome(new bool[count], new int[count], new long[count]);
        }

        public BroadcastOutcome Outcome { get; }

        private NodeKey OriginKey => _sim._topology.Keys[_origin];

        public void Start()
        {
            Outcome.Received[_origin] = true;
            Forward(_origin, _origin, 0);
            while (_events.TryDequeue(out var e, out var when))
            {
                _sim._clock.AdvanceTo(new DateTimeOffset(when.At, TimeSpan.Zero));
                Handle(e);
            }
        }

        private void Handle(Event e)
        {
            _sim.Trace?.Invoke($"{_sim._clock.GetTimestamp() - _start,9} {e.Kind} {e.From}->{e.To} hops {e.Hops}");
            var keys = _sim._topology.Keys;
            switch (e.Kind)
            {
                case EventKind.Payload when Outcome.Received[e.To]:
                    Outcome.Duplicates[e.To]++;
                    break;
                case EventKind.Payload:
                    Outcome.Received[e.To] = true;
                    Outcome.LatencyTicks[e.To] = _sim._clock.GetTimestamp() - _start;
                    _hops[e.To] = e.Hops;
                    _repair[e.To].OnReceived(OriginKey, Id);
                    Forward(e.To, e.From, e.Hops);
                    break;
                case EventKind.Digest:
                    if (!Outcome.Received[e.To] && _repair[e.To].OnDigest(OriginKey, Id, keys[e.From]))
                    {
                        Schedule(new Event(EventKind.Timer, e.To, e.To, 0), _sim.RepairSettings.PullDelay);
                    }

                    break;
                case EventKind.Pull:
                    if (Outcome.Received[e.To])
                    {
                        Send(EventKind.Payload, e.To, e.From, _hops[e.To] + 1);
                    }

                    break;
                case EventKind.Timer:
                    foreach (var pull in _repair[e.To].TakeDuePulls())
                    {
                        Send(EventKind.Pull, e.To, Array.IndexOf(keys, pull.Peer), 0);
                    }

                    if (_repair[e.To].TimeUntilNextPull() is { } wait)
                    {
                        Schedule(new Event(EventKind.Timer, e.To, e.To, 0), wait);
                    }

                    break;
            }
        }

        private void Forward(int node, int arrivedFrom, int hops)
        {
            // The hop limit: a copy that has used it up is delivered but goes no further, and
            // announces itself to no one (a digest would let a neighbour pull it past the limit).
            if (hops >= _sim.HopLimit)
            {
                return;
            }

            var keys = _sim._topology.Keys;
            var links = _sim._topology.NeighboursOf(node).Select(n => keys[n]).ToHashSet();
            var graph = _sim._databases[node].Graph;
            var from = keys[arrivedFrom];
            var eager = _scheme == BroadcastScheme.Flooding
                ? BroadcastForwarding.Flood(from, links)
                : BroadcastForwarding.ForwardTargets(OriginKey, from, graph, links);
            foreach (var target in eager)
            {
                Send(EventKind.Payload, node, Array.IndexOf(keys, target), hops + 1);
            }

            if (_scheme == BroadcastScheme.TreeWithRepair)
            {
                foreach (var target in BroadcastForwarding.DigestTargets(OriginKey, from, eager, links))
                {
                    Send(EventKind.Digest, node, Array.IndexOf(keys, target), 0);
                }
            }
        }

        private void Send(EventKind kind, int from, int to, int hops)
        {
            switch (kind)
            {
                case EventKind.Payload:
                    Outcome.PayloadSends++;
                    break;
                case EventKind.Digest:
                    Outcome.DigestSends++;
                    break;
                case EventKind.Pull:
                    Outcome.PullSends++;
                    break;
            }

            if (_random.NextDouble() < _dropRate)
            {
                _sim.Trace?.Invoke($"{_sim._clock.GetTimestamp() - _start,9} dropped {kind} {from}->{to}");
                return;
            }

            var oneWay = TimeSpan.FromMicroseconds(_sim._topology.RttOf(from, to) / 2.0);
            Schedule(new Event(kind, from, to, hops), oneWay);
        }

        private void Schedule(Event e, TimeSpan after) =>
            _events.Enqueue(e, (_sim._clock.GetTimestamp() + after.Ticks, _order++));
    }

    private enum EventKind
    {
        Payload,
        Digest,
        Pull,
        Timer,
    }

    private readonly record struct Event(EventKind Kind, int From, int To, int Hops);
}
