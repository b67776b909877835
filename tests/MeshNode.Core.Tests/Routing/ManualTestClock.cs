namespace MeshNode.Core.Tests.Routing;

/// <summary>
/// Test-only TimeProvider: time moves only when a test says so. Both the wall clock and the
/// timestamp move together (timestamp frequency = 10 MHz, one tick per TimeSpan tick).
/// </summary>
internal sealed class ManualTestClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTestClock(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        _now += by;
    }

    /// <summary>Moves to an absolute point, never backwards (simulations drive it from their event queue).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > _now)
        {
            _now = at;
        }
    }
}
