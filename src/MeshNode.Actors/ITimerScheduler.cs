namespace MeshNode.Actors;

/// <summary>
/// Keyed timers that send messages to the actor itself (with no sender). Starting a key that is active replaces the
/// old timer, and the old timer's message is never delivered, even if it was already queued. All timers are cancelled
/// when the actor restarts or stops. Timing comes from the system's TimeProvider. Use only on the actor's turn.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, the first time after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while the timer with this key is scheduled (a fired single timer is no longer active once delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key; its queued message, if any, is not delivered.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();
}
