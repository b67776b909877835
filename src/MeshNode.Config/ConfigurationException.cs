namespace MeshNode.Config;

/// <summary>
/// The one exception the configuration layer throws: bad HOCON or JSON syntax, failed includes and
/// substitutions, and settings that fail validation. Carries where the problem is (file, line,
/// column, or the configuration key) and what was expected.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates an exception for a problem at a position in a source text.</summary>
    /// <param name="reason">The kind of problem.</param>
    /// <param name="detail">What was found and what was expected, without the position.</param>
    /// <param name="file">The file or source name; null when unknown.</param>
    /// <param name="line">1-based line, 0 when unknown.</param>
    /// <param name="column">1-based column, 0 when unknown.</param>
    /// <param name="key">The configuration key concerned, when the problem is about one setting.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public ConfigurationException(
        ConfigurationErrorReason reason,
        string detail,
        string? file = null,
        int line = 0,
        int column = 0,
        string? key = null,
        Exception? inner = null)
        : base(Format(detail, file, line, column), inner)
    {
        Reason = reason;
        Detail = detail;
        File = file;
        Line = line;
        Column = column;
        Key = key;
    }

    /// <summary>The kind of problem.</summary>
    public ConfigurationErrorReason Reason { get; }

    /// <summary>The description of the problem without its position.</summary>
    public string Detail { get; }

    /// <summary>The file or source name where the problem is; null when unknown.</summary>
    public string? File { get; }

    /// <summary>1-based line of the problem, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The configuration key concerned (dotted form, e.g. <c>mesh.link.port</c>), when known.</summary>
    public string? Key { get; }

    private static string Format(string detail, string? file, int line, int column)
    {
        if (file is null && line == 0)
        {
            return detail;
        }

        var where = line > 0 ? $"{file ?? "<string>"}:{line}:{column}" : file!;
        return $"{where}: {detail}";
    }
}
