using Microsoft.Extensions.Configuration.CommandLine;

namespace MeshNode.Config;

/// <summary>
/// Command-line overrides: <c>--mesh.link.port=9999</c>, <c>--mesh.link.port 9999</c> or the
/// colon form <c>--mesh:link:port=9999</c>. Only flags whose key starts with <c>mesh</c> are taken, so
/// the program's other flags can pass through. Remembers the flag as typed for provenance.
/// </summary>
internal sealed class CommandLineOverridesProvider : CommandLineConfigurationProvider, IConfigurationSourceDescriber
{
    private readonly Dictionary<string, string> _flags;

    private CommandLineOverridesProvider(List<string> args, Dictionary<string, string> flags)
        : base(args)
    {
        _flags = flags;
    }

    public static CommandLineOverridesProvider Create(IEnumerable<string> args)
    {
        var normalized = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? arg[2..] : arg[2..eq]).Replace('.', ':');
            if (!key.StartsWith("mesh:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string value;
            if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < list.Count)
            {
                value = list[++i];
            }
            else
            {
                throw new ConfigurationException(
                    ConfigurationErrorReason.InvalidValue,
                    $"command-line flag {arg} has no value: expected {arg}=value or {arg} value",
                    key: key.Replace(':', '.'));
            }

            normalized.Add($"--{key}={value}");
            flags[key] = eq < 0 ? arg : arg[..eq];
        }

        return new CommandLineOverridesProvider(normalized, flags);
    }

    public string? DescribeSource(string key) =>
        _flags.TryGetValue(key, out var flag) ? "command-line flag " + flag : null;

    public override string ToString() => "command-line flags";
}
