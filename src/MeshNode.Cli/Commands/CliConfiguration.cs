using MeshNode.Config;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Cli.Commands;

/// <summary>
/// Turns the program's own flags (<c>--name</c>, <c>--port</c>, <c>--profile</c>, ...) into command-line
/// overrides of the configuration, so they take part in layering and provenance like
/// <c>--mesh.link.port=9999</c> does, and remembers which flag set which key.
/// </summary>
internal sealed class CliConfiguration
{
    private readonly List<string> _overrides = [];
    private readonly Dictionary<string, string> _flagByKey = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds an override for <paramref name="key"/> (dotted form) set by <paramref name="flag"/>.</summary>
    /// <param name="key">The configuration key, e.g. <c>mesh.link.port</c>.</param>
    /// <param name="value">The value as text.</param>
    /// <param name="flag">The flag as the user typed it, e.g. <c>--port</c>.</param>
    public void Set(string key, string value, string flag)
    {
        _overrides.Add($"--{key}={value}");
        _flagByKey[key.Replace('.', ':')] = flag;
    }

    /// <summary>Adds raw <c>--mesh.x.y=value</c> tokens the user passed through.</summary>
    /// <param name="tokens">Unmatched command-line tokens.</param>
    public void AddRaw(IEnumerable<string> tokens) => _overrides.AddRange(tokens);

    /// <summary>Builds the layered configuration.</summary>
    /// <param name="configFile">The <c>--config</c> file or profile name, or null.</param>
    /// <param name="environment">The environment variables to read.</param>
    /// <returns>The configuration root.</returns>
    /// <exception cref="ConfigurationException">The file or an override is invalid.</exception>
    public IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string> environment) =>
        MeshConfiguration.Build(configFile, environment, _overrides);

    /// <summary>Where a key's value came from, naming the program flag rather than its configuration override.</summary>
    /// <param name="setting">A setting from <see cref="ConfigurationProvenance.Explain"/>.</param>
    /// <returns>The source description.</returns>
    public string SourceOf(ConfigurationSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (_flagByKey.TryGetValue(setting.Key, out var flag) && setting.Source.StartsWith("command-line flag --mesh", StringComparison.Ordinal))
        {
            return "command-line flag " + flag;
        }

        return setting.Source;
    }

    /// <summary>Rejects unmatched tokens that are not configuration overrides.</summary>
    /// <param name="tokens">Tokens the parser did not match.</param>
    /// <exception cref="CliUserException">A token is neither <c>--mesh.*</c> nor its value.</exception>
    public static void CheckUnmatched(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith("--mesh.", StringComparison.OrdinalIgnoreCase) || token.StartsWith("--mesh:", StringComparison.OrdinalIgnoreCase))
            {
                if (!token.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            throw new CliUserException($"unrecognized argument '{token}' (configuration overrides look like --mesh.link.port=9999)", CliApplication.ExitUsage);
        }
    }
}
