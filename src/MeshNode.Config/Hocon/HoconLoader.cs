namespace MeshNode.Config.Hocon;

/// <summary>Entry points: parse HOCON, JSON or properties text or files into a tree, and resolve it.</summary>
internal static class HoconLoader
{
    /// <summary>Parses one source with the given syntax; includes go through <paramref name="include"/>.</summary>
    public static HoconObject ParseText(string text, string source, HoconSyntax syntax, HoconIncludeContext include) => syntax switch
    {
        HoconSyntax.Json => JsonSourceReader.Parse(text, source),
        HoconSyntax.Properties => PropertiesReader.Parse(text, source),
        _ => HoconParser.Parse(text, source, include),
    };

    /// <summary>Parses HOCON text. Includes are relative to <paramref name="baseDirectory"/>; without one they find nothing.</summary>
    public static HoconObject ParseString(string text, string source = "<string>", string? baseDirectory = null, Func<string, string?>? readFile = null) =>
        HoconParser.Parse(text, source, new HoconIncludeContext(readFile ?? HoconFiles.ReadIfExists, baseDirectory, [], 0));

    /// <summary>
    /// Parses a file, its syntax chosen by extension (.json, .properties, anything else HOCON). A
    /// name without extension loads and merges .properties, .json and .conf, later ones winning.
    /// </summary>
    public static HoconObject ParseFile(string path, bool required, Func<string, string?>? readFile = null)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigurationException(ConfigurationErrorReason.Io, $"bad configuration file path: {e.Message}", path, inner: e);
        }

        // The top-level file is read like an include from its own directory at depth -1, so
        // extension handling and relative includes follow one code path.
        var origin = new HoconOrigin(full, 0, 0);
        var context = new HoconIncludeContext(readFile ?? HoconFiles.ReadIfExists, Path.GetDirectoryName(full), [], -1);
        return context.Include(Path.GetFileName(full), HoconIncludeKind.File, required, origin, [], 0)
            ?? new HoconObject(origin);
    }

    /// <summary>Resolves substitutions; <paramref name="environment"/> is the fallback for undefined paths (null: none).</summary>
    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment) =>
        HoconResolver.Resolve(root, environment);
}
