namespace MeshNode.Core.Routing;

/// <summary>A token bucket: <c>limit</c> envelopes per second, bursts up to one second's worth.</summary>
internal sealed class RateBucket(double tokens, long lastRefill)
{
    private double _tokens = tokens;
    private long _lastRefill = lastRefill;

    public bool TryTake(int limit, TimeProvider time)
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(limit, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * limit));
        _lastRefill = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
