namespace MeshNode.Protocol.Tests.Crypto;

/// <summary>A fact that runs only when MESHNODE_SLOW_TESTS=1 (minutes-long known-answer tests).</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MESHNODE_SLOW_TESTS") != "1")
        {
            Skip = "Slow: set MESHNODE_SLOW_TESTS=1 to run.";
        }
    }
}
