namespace MeshNode.Actors;

/// <summary>Restart bookkeeping of one child, kept by its parent (touched only on the parent's turn).</summary>
internal sealed class ChildRestartStats(ActorCell child)
{
    private long _windowStart;

    public ActorCell Child { get; } = child;

    public int RetryCount { get; private set; }

    /// <summary>Set when the parent has asked the child to stop; its failures are then ignored.</summary>
    public bool Stopping { get; set; }

    /// <summary>
    /// Counts one more restart and says whether it is allowed: at most <paramref name="maxRetries"/> within
    /// <paramref name="window"/> (Akka's rules: negative retries with a window means one; no window counts for ever).
    /// </summary>
    public bool RequestRestartPermission(int maxRetries, TimeSpan window, TimeProvider time)
    {
        var hasWindow = window > TimeSpan.Zero && window != Timeout.InfiniteTimeSpan;
        if (maxRetries < 0 && !hasWindow)
        {
            return true;
        }

        if (maxRetries == 0)
        {
            return false;
        }

        var retries = maxRetries < 0 ? 1 : maxRetries;
        if (!hasWindow)
        {
            RetryCount++;
            return RetryCount <= retries;
        }

        var now = time.GetTimestamp();
        if (RetryCount == 0 || time.GetElapsedTime(_windowStart, now) > window)
        {
            _windowStart = now;
            RetryCount = 1;
            return true;
        }

        RetryCount++;
        return RetryCount <= retries;
    }
}
