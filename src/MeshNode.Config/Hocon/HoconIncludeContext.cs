namespace MeshNode.Config.Hocon;

/// <summary>
/// How includes in one source are resolved: the directory they are relative to, the path the
/// source was included at (its substitutions are looked up there first), the include depth, and
/// how files are read (injectable so tests and the fuzz loop need no disk).
/// </summary>
internal sealed class HoconIncludeContext(Func<string, string?> readFile, string? baseDirectory, string[] prefix, int depth, int nesting = 0)
{
    /// <summary>Object and array nesting at the include point: the limit counts across files.</summary>
    public int Nesting { get; } = nesting;

    public string[] Prefix { get; } = prefix;

    public string? BaseDirectory { get; } = baseDirectory;

    public int Depth { get; } = depth;

    public Func<string, string?> ReadFile { get; } = readFile;

    public static HoconIncludeContext ForFile(string path, Func<string, string?>? readFile = null) =>
        new(readFile ?? HoconFiles.ReadIfExists, Path.GetDirectoryName(Path.GetFullPath(path)), [], 0);

    public static HoconSyntax SyntaxOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => HoconSyntax.Json,
        ".properties" => HoconSyntax.Properties,
        _ => HoconSyntax.Conf,
    };

    /// <summary>Reads and merges what an include names; null when nothing exists and it is not required.</summary>
    public HoconObject? Include(string name, HoconIncludeKind kind, bool required, HoconOrigin at, IReadOnlyList<string> pathInFile, int nesting)
    {
        if (kind is HoconIncludeKind.Url or HoconIncludeKind.Classpath)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.Include,
                $"{(kind == HoconIncludeKind.Url ? "url()" : "classpath()")} includes are not supported: expected \"file\" or file(\"file\")",
                at.Source,
                at.Line,
                at.Column);
        }

        if (Depth + 1 > HoconLimits.MaxIncludeDepth)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.Include,
                $"include statements nested too deep (more than {HoconLimits.MaxIncludeDepth}): does a file include itself?",
                at.Source,
                at.Line,
                at.Column);
        }

        string? basePath = null;
        if (name.Length > 0 && name.IndexOf('\0', StringComparison.Ordinal) < 0)
        {
            if (Path.IsPathRooted(name))
            {
                basePath = name;
            }
            else if (BaseDirectory is not null)
            {
                basePath = Path.Combine(BaseDirectory, name);
            }
        }

        var ext = Path.GetExtension(name).ToLowerInvariant();
        string[] candidates = basePath is null ? []
            : ext is ".conf" or ".json" or ".properties" ? [basePath]
            : [basePath + ".properties", basePath + ".json", basePath + ".conf"];
        var prefix = HoconPath.Concat(Prefix, pathInFile);
        HoconObject? result = null;
        foreach (var candidate in candidates)
        {
            var text = ReadFile(candidate);
            if (text is null)
            {
                continue;
            }

            var child = new HoconIncludeContext(ReadFile, Path.GetDirectoryName(candidate), prefix, Depth + 1, nesting);
            var parsed = HoconLoader.ParseText(text, candidate, SyntaxOf(candidate), child);
            result = result is null ? parsed : (HoconObject)HoconMerger.Merge(result, parsed);
        }

        if (result is null && required)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.Include,
                (Depth < 0 ? "configuration file" : "required include") + $" '{name}' not found (looked for {(candidates.Length == 0 ? "nothing: no base directory" : string.Join(", ", candidates))})",
                at.Source,
                at.Line,
                at.Column);
        }

        return result;
    }
}
