namespace MeshNode.Actors;

/// <summary>Implement on an actor to get keyed timers; the kernel sets <see cref="Timers"/> before the constructor body runs.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers (set by the kernel; do not replace it).</summary>
    ITimerScheduler Timers { get; set; }
}
