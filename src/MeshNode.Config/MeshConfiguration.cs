using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Builds the node's configuration in layers, later winning: the embedded hocon.conf defaults, then
/// a profile or <c>--config</c> file (merged with the defaults as one HOCON document, so it may refer
/// to them with substitutions), then environment variables <c>MESHNODE__mesh__link__port</c>, then
/// command-line flags <c>--mesh.link.port=9999</c>.
/// </summary>
public static class MeshConfiguration
{
    /// <summary>The prefix of environment variables that override settings.</summary>
    public const string EnvironmentPrefix = "MESHNODE__";

    /// <summary>Names of the profiles shipped in the binary (config/*.conf): e.g. hotspot, lab, private.</summary>
    public static IReadOnlyList<string> Profiles => EmbeddedConfiguration.ProfileNames;

    /// <summary>Builds the layered configuration.</summary>
    /// <param name="configFile">
    /// A HOCON file, or the name of a shipped profile (<c>hotspot</c>, <c>lab</c>, <c>private</c>) when
    /// no file of that name exists; null for defaults only.
    /// </param>
    /// <param name="environment">
    /// The environment variables to read (both the <c>MESHNODE__</c> overrides and the fallback for
    /// <c>${?VAR}</c> substitutions); null reads the process environment.
    /// </param>
    /// <param name="commandLineArgs">Override flags; flags whose key does not start with <c>mesh</c> are ignored.</param>
    /// <returns>The configuration root; use <see cref="ConfigurationProvenance"/> to explain it and <see cref="MeshSettings.From"/> to bind it.</returns>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public static IConfigurationRoot Build(string? configFile = null, IReadOnlyDictionary<string, string>? environment = null, IEnumerable<string>? commandLineArgs = null)
    {
        var env = environment ?? ReadProcessEnvironment();
        var layers = new List<Func<HoconObject>>
        {
            () => HoconLoader.ParseString(EmbeddedConfiguration.Defaults, EmbeddedConfiguration.DefaultsName),
        };
        var description = EmbeddedConfiguration.DefaultsName;
        if (configFile is not null)
        {
            layers.Add(ProfileLayer(configFile));
            description += " + " + configFile;
        }

        var builder = new ConfigurationBuilder();
        builder.Add(new HoconConfigurationSource(description, layers, name => env.TryGetValue(name, out var v) ? v : null));
        builder.Add(new ProviderSource(() => new EnvironmentOverridesProvider(env, EnvironmentPrefix)));
        var args = commandLineArgs?.ToList() ?? [];
        builder.Add(new ProviderSource(() => CommandLineOverridesProvider.Create(args)));
        return builder.Build();
    }

    private static Func<HoconObject> ProfileLayer(string configFile)
    {
        if (File.Exists(configFile))
        {
            return () => HoconLoader.ParseFile(configFile, required: true);
        }

        var profile = EmbeddedConfiguration.Profile(configFile);
        if (profile is null)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.Io,
                $"configuration file '{configFile}' not found, and it is not a shipped profile ({string.Join(", ", EmbeddedConfiguration.ProfileNames)})",
                configFile);
        }

        var name = $"config/{Path.GetFileNameWithoutExtension(configFile)}.conf";
        return () => HoconLoader.ParseString(profile, name);
    }

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}
