using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Answers "who set this key?" for a layered configuration: the last provider that holds a key
/// wins, and the providers of this assembly describe the file and line, environment variable or
/// flag. Other providers are described by their type. Used by <c>meshnode config</c>.
/// </summary>
public static class ConfigurationProvenance
{
    /// <summary>Every key that holds a value (leaves, plus empty objects and arrays), sorted by key, with its effective value and source.</summary>
    /// <param name="root">The configuration root, e.g. from <see cref="MeshConfiguration.Build"/>.</param>
    /// <returns>The settings in key order.</returns>
    public static IReadOnlyList<ConfigurationSetting> Explain(IConfigurationRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var providers = root.Providers.Reverse().ToList();
        var result = new List<ConfigurationSetting>();
        foreach (var (key, value) in root.AsEnumerable())
        {
            var winner = providers.FirstOrDefault(p => p.TryGet(key, out _));
            if (winner is not null)
            {
                result.Add(new ConfigurationSetting(key, value, Describe(winner, key)));
            }
        }

        result.Sort((a, b) => string.Compare(a.Key, b.Key, StringComparison.OrdinalIgnoreCase));
        return result;
    }

    /// <summary>The source of one key (':' or '.' separated), or null when no provider holds it.</summary>
    /// <param name="root">The configuration root.</param>
    /// <param name="key">The key, e.g. <c>mesh.link.port</c> or <c>mesh:link:port</c>.</param>
    /// <returns>A description such as <c>/etc/meshnode/hotspot.conf:12:5</c>, or null.</returns>
    public static string? SourceOf(IConfigurationRoot root, string key)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(key);
        var configKey = key.Replace('.', ':');
        var winner = root.Providers.Reverse().FirstOrDefault(p => p.TryGet(configKey, out _));
        return winner is null ? null : Describe(winner, configKey);
    }

    private static string Describe(IConfigurationProvider provider, string key) =>
        (provider as IConfigurationSourceDescriber)?.DescribeSource(key) ?? provider.ToString() ?? provider.GetType().Name;
}
