using System.Globalization;
using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Reads typed values from configuration by dotted key (<c>mesh.link.port</c>), collecting every
/// problem as a sentence that names the key, what it must be, what it was, and who set it.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<(string Key, string Message)> _errors = [];
    private readonly HashSet<string> _keysRead = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every dotted key read, so tests can check hocon.conf documents exactly what is read.</summary>
    public IReadOnlyCollection<string> KeysRead => _keysRead;

    public IReadOnlyList<(string Key, string Message)> Errors => _errors;

    public void Fail(string key, string message)
    {
        var source = configuration is IConfigurationRoot root ? ConfigurationProvenance.SourceOf(root, key) : null;
        _errors.Add((key, $"{key} {message}{(source is null ? string.Empty : $" (set by {source})")}"));
    }

    private string? Raw(string key)
    {
        _keysRead.Add(key);
        return configuration[key.Replace('.', ':')];
    }

    private bool TryRequired(string key, string expected, out string text)
    {
        text = Raw(key) ?? string.Empty;
        if (text.Length == 0)
        {
            Fail(key, $"is not set: expected {expected} (hocon.conf defines every setting; were the defaults left out?)");
            return false;
        }

        return true;
    }

    public string String(string key) => Raw(key) ?? string.Empty;

    public bool Boolean(string key)
    {
        if (!TryRequired(key, "a boolean", out var text))
        {
            return false;
        }

        if (!HoconUnits.TryParseBoolean(text.Trim(), out var value))
        {
            Fail(key, $"must be a boolean (on/off, yes/no, true/false), got \"{text}\"");
        }

        return value;
    }

    public int Integer(string key, int min, int max)
    {
        if (!TryRequired(key, "an integer", out var text))
        {
            return min;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(key, $"must be an integer from {min} to {max}, got \"{text}\"");
            return min;
        }

        return value;
    }

    public double Number(string key, double min, double max)
    {
        if (!TryRequired(key, "a number", out var text))
        {
            return min;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            Fail(key, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got \"{text}\"");
            return min;
        }

        return value;
    }

    public int Size(string key, long min, long max)
    {
        if (!TryRequired(key, "a size in bytes", out var text))
        {
            return (int)min;
        }

        if (!HoconUnits.TryParseSize(text, out var value))
        {
            Fail(key, $"must be a size in bytes (e.g. 65535, 64KiB, 64kB), got \"{text}\"");
            return (int)min;
        }

        if (value < min || value > max)
        {
            Fail(key, $"must be from {min} to {max} bytes, got \"{text}\" ({value} bytes)");
            return (int)min;
        }

        return (int)value;
    }

    public TimeSpan Duration(string key, TimeSpan min, bool allowInfinite = false)
    {
        if (!TryRequired(key, "a duration", out var text))
        {
            return min;
        }

        if (!HoconUnits.TryParseDuration(text, out var value))
        {
            Fail(key, $"must be a duration, got \"{text}\" (e.g. 250ms, 5s, 2 minutes{(allowInfinite ? ", infinite" : string.Empty)})");
            return min;
        }

        if (value == Timeout.InfiniteTimeSpan)
        {
            if (!allowInfinite)
            {
                Fail(key, $"must be a finite duration, got \"{text}\"");
                return min;
            }

            return value;
        }

        if (value < min)
        {
            Fail(key, $"must be at least {Format(min)}, got \"{text}\"");
            return min;
        }

        return value;
    }

    /// <summary>
    /// An array's elements. A plain string at the list's own key (one environment variable or flag)
    /// is split on commas and replaces the whole list: HOCON arrays never set that key to a string.
    /// </summary>
    public IReadOnlyList<string> List(string key)
    {
        var section = configuration.GetSection(key.Replace('.', ':'));
        _keysRead.Add(key);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return [.. section.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        var children = section.GetChildren()
            .Select(c => (Ok: int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i), Index: i, c.Value))
            .ToList();

        if (children.Any(c => !c.Ok))
        {
            Fail(key, "must be a list of strings, got an object");
            return [];
        }

        return [.. children.OrderBy(c => c.Index).Select(c => c.Value ?? string.Empty)];
    }

    public TEnum Enum<TEnum>(string key)
        where TEnum : struct, System.Enum
    {
        var names = string.Join("|", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        if (!TryRequired(key, names, out var text))
        {
            return default;
        }

        if (!System.Enum.TryParse<TEnum>(text.Trim().Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
            || !System.Enum.IsDefined(value) || char.IsAsciiDigit(text.Trim().FirstOrDefault()))
        {
            Fail(key, $"must be one of {names}, got \"{text}\"");
            return default;
        }

        return value;
    }

    /// <summary>Expands a leading "~" to the user's home folder.</summary>
    public static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return path.Length == 1 ? home : Path.Combine(home, path[2..]);
        }

        return path;
    }

    private static string Format(TimeSpan span) =>
        span.TotalMilliseconds < 1000 ? $"{span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms" : $"{span.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
