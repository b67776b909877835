using System.Globalization;

namespace MeshNode.Actors.TestKit;

/// <summary>
/// Test timing. Every default timeout is multiplied by <see cref="TimeFactor"/>, read from the environment variable
/// <c>MESHNODE_TESTKIT_TIMEFACTOR</c> (default 1; raise it on slow CI machines).
/// </summary>
public static class TestKitSettings
{
    /// <summary>The environment variable that sets <see cref="TimeFactor"/>.</summary>
    public const string TimeFactorVariable = "MESHNODE_TESTKIT_TIMEFACTOR";

    /// <summary>The multiplier of default timeouts (any positive value; invalid values mean 1).</summary>
    public static double TimeFactor { get; } = ReadTimeFactor();

    /// <summary>Default wait of ExpectMsg and friends: 3 s times <see cref="TimeFactor"/>.</summary>
    public static TimeSpan DefaultTimeout => Dilated(TimeSpan.FromSeconds(3));

    /// <summary>Default wait of ExpectNoMsg: 100 ms times <see cref="TimeFactor"/>.</summary>
    public static TimeSpan DefaultNoMessageWait => Dilated(TimeSpan.FromMilliseconds(100));

    /// <summary>Scales a duration by <see cref="TimeFactor"/>.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => duration * TimeFactor;

    private static double ReadTimeFactor()
    {
        var text = Environment.GetEnvironmentVariable(TimeFactorVariable);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0 ? factor : 1.0;
    }
}
