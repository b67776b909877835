namespace MeshNode.Actors;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> restarts its child: after the child stops (<see cref="OnStop"/>) or fails
/// (<see cref="OnFailure"/>), it waits <c>min(maxBackoff, minBackoff * 2^n) * (1 + random * randomFactor)</c>, where
/// n counts the restarts since the last reset. Immutable; the <c>With*</c> methods return copies.
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(bool onFailure, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        if (minBackoff <= TimeSpan.Zero || maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), "Backoff needs 0 < minBackoff <= maxBackoff.");
        }

        if (randomFactor is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), "randomFactor must be between 0 and 1.");
        }

        RestartOnFailure = onFailure;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetBackoff = minBackoff;
    }

    /// <summary>True for <see cref="OnFailure"/>, false for <see cref="OnStop"/>.</summary>
    public bool RestartOnFailure { get; }

    /// <summary>Props of the child.</summary>
    public Props ChildProps { get; }

    /// <summary>Name of the child (the same after every restart).</summary>
    public string ChildName { get; }

    /// <summary>The first delay.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The cap of the delay before the random factor is applied.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Extra random share of the delay, 0 to 1 (0.2 adds up to 20%).</summary>
    public double RandomFactor { get; }

    /// <summary>The restart count resets once the child has run this long without stopping or failing (null: only on <see cref="BackoffSupervisor.Reset"/>).</summary>
    public TimeSpan? ResetBackoff { get; init; }

    /// <summary>Source of the random factor (inject a seeded one in tests). Default: <see cref="Random.Shared"/>.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>Restarts allowed before the supervisor gives up and stops (-1: unlimited).</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>
    /// With <see cref="OnFailure"/>: maps a child's exception to a directive (Restart means restart after backoff).
    /// With <see cref="OnStop"/>: the strategy for the child's failures. Default: restart on any exception.
    /// </summary>
    public Func<Exception, Directive> Decider { get; init; } = _ => Directive.Restart;

    /// <summary>Restart the child after backoff when it stops (for example a connection actor that stops when its socket closes).</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
        => new(false, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Restart the child after backoff when it fails; if it stops by itself, the supervisor stops too.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
        => new(true, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>A copy that resets the restart count after the child has run <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoff = resetBackoff };

    /// <summary>A copy that resets the restart count only on <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { ResetBackoff = null };

    /// <summary>A copy with an injected random source.</summary>
    public BackoffOptions WithRandom(Random random) => this with { Random = random };

    /// <summary>A copy that gives up after <paramref name="maxNrOfRetries"/> restarts.</summary>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>A copy with another decider (see <see cref="Decider"/>).</summary>
    public BackoffOptions WithDecider(Func<Exception, Directive> decider) => this with { Decider = decider };
}
