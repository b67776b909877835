namespace MeshNode.Actors.TestKit;

public abstract partial class TestKit
{
    /// <summary>
    /// Runs <paramref name="action"/> and fails if it takes longer than <paramref name="max"/> (real time). Expect
    /// calls inside use the remaining time as their default timeout.
    /// </summary>
    public async Task WithinAsync(TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = DateTime.UtcNow;
        var deadline = started + max;
        var outer = TestDeadline.Value;
        TestDeadline.Value = outer is { } o && o < deadline ? o : deadline;
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            TestDeadline.Value = outer;
        }

        var elapsed = DateTime.UtcNow - started;
        if (elapsed > max)
        {
            throw new Xunit.Sdk.XunitException($"Within block took {elapsed}, more than {max}.");
        }
    }

    /// <summary>Synchronous <see cref="WithinAsync"/>.</summary>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        WithinAsync(max, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 50 ms) until it passes or
    /// <paramref name="duration"/> (default timeout) has passed, then rethrows its last failure.
    /// </summary>
    public static async Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DateTime.UtcNow + TestDeadline.Remaining(duration, TestKitSettings.DefaultTimeout);
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Polling is the point of AwaitAssert: the condition has no event to wait on.
                await Task.Delay(pause).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Synchronous <see cref="AwaitAssertAsync"/>.</summary>
    public static void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
        => AwaitAssertAsync(assertion, duration, interval).GetAwaiter().GetResult();

    /// <summary>Waits until <paramref name="condition"/> is true, polling every <paramref name="interval"/>; fails after <paramref name="duration"/>.</summary>
    public static async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = TestDeadline.Remaining(duration, TestKitSettings.DefaultTimeout);
        var deadline = DateTime.UtcNow + wait;
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new Xunit.Sdk.XunitException($"Condition not met within {wait}{(message is null ? string.Empty : ": " + message)}.");
            }

            await Task.Delay(pause).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous <see cref="AwaitConditionAsync"/>.</summary>
    public static void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null)
        => AwaitConditionAsync(condition, duration, interval, message).GetAwaiter().GetResult();
}
