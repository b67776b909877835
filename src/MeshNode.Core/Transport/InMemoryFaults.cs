namespace MeshNode.Core.Transport;

/// <summary>
/// The fault state of an <see cref="InMemoryNetwork"/>: symmetric per host pair, plus one
/// partition. Its own lock; it never calls back into the network, so the network may hold its
/// lock while asking.
/// </summary>
internal sealed class InMemoryFaults
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string, string)> _blackholes = [];
    private readonly Dictionary<(string, string), TimeSpan> _latency = [];
    private readonly Dictionary<(string, string), double> _loss = [];
    private Dictionary<string, int>? _partition;

    public void Blackhole(string a, string b)
    {
        lock (_gate)
        {
            _blackholes.Add(Key(a, b));
        }
    }

    public bool IsBlackholed(string a, string b)
    {
        lock (_gate)
        {
            return _blackholes.Contains(Key(a, b));
        }
    }

    public void Partition(Dictionary<string, int>? groupOfHost)
    {
        lock (_gate)
        {
            _partition = groupOfHost;
        }
    }

    /// <summary>Same group, or no partition. Hosts in no group share group -1.</summary>
    public bool CanReach(string a, string b)
    {
        lock (_gate)
        {
            return _partition is null || _partition.GetValueOrDefault(a, -1) == _partition.GetValueOrDefault(b, -1);
        }
    }

    public void SetLatency(string a, string b, TimeSpan latency)
    {
        lock (_gate)
        {
            if (latency == TimeSpan.Zero)
            {
                _latency.Remove(Key(a, b));
            }
            else
            {
                _latency[Key(a, b)] = latency;
            }
        }
    }

    public TimeSpan LatencyOf(string a, string b)
    {
        lock (_gate)
        {
            return _latency.GetValueOrDefault(Key(a, b));
        }
    }

    public void SetLoss(string a, string b, double probability)
    {
        lock (_gate)
        {
            if (probability == 0)
            {
                _loss.Remove(Key(a, b));
            }
            else
            {
                _loss[Key(a, b)] = probability;
            }
        }
    }

    public double LossOf(string a, string b)
    {
        lock (_gate)
        {
            return _loss.GetValueOrDefault(Key(a, b));
        }
    }

    /// <summary>Removes everything: partition, blackholes, latency, loss.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _partition = null;
            _blackholes.Clear();
            _latency.Clear();
            _loss.Clear();
        }
    }

    /// <summary>Removes the blackhole, latency and loss between a and b (a partition stays).</summary>
    public void Clear(string a, string b)
    {
        lock (_gate)
        {
            _blackholes.Remove(Key(a, b));
            _latency.Remove(Key(a, b));
            _loss.Remove(Key(a, b));
        }
    }

    private static (string, string) Key(string a, string b)
    {
        return string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }
}
