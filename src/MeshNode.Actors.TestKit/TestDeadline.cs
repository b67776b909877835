namespace MeshNode.Actors.TestKit;

/// <summary>The deadline of the innermost Within block on this async flow (test side only).</summary>
internal static class TestDeadline
{
    private static readonly AsyncLocal<DateTime?> Current = new();

    public static DateTime? Value
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>The timeout to use: the explicit one, else the default, never past the Within deadline.</summary>
    public static TimeSpan Remaining(TimeSpan? timeout, TimeSpan defaultTimeout)
    {
        var wait = timeout ?? defaultTimeout;
        if (Value is { } deadline)
        {
            var left = deadline - DateTime.UtcNow;
            if (left < TimeSpan.Zero)
            {
                left = TimeSpan.Zero;
            }

            if (timeout is null || left < wait)
            {
                wait = left;
            }
        }

        return wait;
    }
}
