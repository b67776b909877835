namespace MeshNode.Config.Hocon;

/// <summary>
/// Safety bounds that keep the reader from hanging or overflowing the stack on hostile or broken
/// input. A configuration file that reaches any of these is not a configuration file.
/// </summary>
internal static class HoconLimits
{
    /// <summary>Largest accepted source, in characters (16 Mi).</summary>
    public const int MaxInputLength = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays in one file.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Deepest chain of includes; <c>cycle.conf</c> (a file including itself) stops here.</summary>
    public const int MaxIncludeDepth = 32;

    /// <summary>Deepest recursion while resolving substitutions.</summary>
    public const int MaxResolveDepth = 512;

    /// <summary>Resolution steps plus characters and elements produced by concatenation, per document.</summary>
    public const long MaxResolveWork = 4_000_000;

    /// <summary>Longest string a concatenation may build, in characters.</summary>
    public const int MaxStringLength = 1024 * 1024;
}
