namespace MeshNode.Core.Trace;

/// <summary>
/// A token bucket bounding the trace requests a node answers: <c>mesh.node.trace-replies-per-second</c>
/// per second with bursts up to one second's worth, for all requesters together, so nobody can use a
/// node to multiply traffic (a request is small, its reply carries a path). Not thread-safe: owned
/// by the trace actor.
/// </summary>
internal sealed class TraceRateLimiter(int perSecond, TimeProvider time)
{
    private double _tokens = perSecond;
    private long _lastRefill = time.GetTimestamp();

    /// <summary>Takes one token; false when the budget of the last second is spent.</summary>
    public bool TryTake()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(perSecond, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * perSecond));
        _lastRefill = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
