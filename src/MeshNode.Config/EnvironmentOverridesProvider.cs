using System.Text;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Environment variables with a prefix as configuration keys: <c>MESHNODE__mesh__link__port</c> sets
/// <c>mesh:link:port</c>. Inside a key segment a single '_' stands for '-', since shells cannot export
/// names with hyphens (<c>MESHNODE__mesh__link__max_frame_size</c> sets <c>mesh:link:max-frame-size</c>).
/// Reads an injected snapshot of the environment, so tests need not touch the process's variables.
/// </summary>
internal sealed class EnvironmentOverridesProvider(IReadOnlyDictionary<string, string> environment, string prefix)
    : ConfigurationProvider, IConfigurationSourceDescriber
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        _variables.Clear();
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || name.Length == prefix.Length)
            {
                continue;
            }

            var key = ToKey(name[prefix.Length..]);
            data[key] = value;
            _variables[key] = name;
        }

        Data = data;
    }

    public string? DescribeSource(string key) =>
        _variables.TryGetValue(key, out var name) ? "environment variable " + name : null;

    public override string ToString() => $"environment variables {prefix}*";

    internal static string ToKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '_' && i + 1 < name.Length && name[i + 1] == '_')
            {
                sb.Append(ConfigurationPath.KeyDelimiter);
                i++;
            }
            else
            {
                sb.Append(name[i] == '_' ? '-' : name[i]);
            }
        }

        return sb.ToString();
    }
}
