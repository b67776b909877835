namespace MeshNode.Config.Hocon;

/// <summary>The form of an include statement (HOCON.md, include syntax).</summary>
internal enum HoconIncludeKind
{
    /// <summary><c>include "name"</c>: a file next to the including file.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>: here also relative to the including file.</summary>
    File,

    /// <summary><c>include url(...)</c>: not supported.</summary>
    Url,

    /// <summary><c>include classpath(...)</c>: not supported (.NET has no classpath).</summary>
    Classpath,
}
