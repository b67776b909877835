namespace MeshNode.Core.Store;

/// <summary>The verdict of a trust-on-first-use check.</summary>
public enum TofuOutcome
{
    /// <summary>Never seen before: its keys are now pinned.</summary>
    New,

    /// <summary>Known, and it presented the pinned keys.</summary>
    Match,

    /// <summary>Known, and it presented other keys: a loud warning; the new keys are only pending.</summary>
    KeyChanged,
}
