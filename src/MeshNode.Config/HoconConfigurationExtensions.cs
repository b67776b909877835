using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Adds HOCON documents to an <see cref="IConfigurationBuilder"/>. Each call adds one provider whose
/// document is resolved on its own: a substitution can only refer to values of the same document
/// (and, as a fallback, environment variables). <see cref="MeshConfiguration.Build"/> resolves the
/// defaults and the profile together instead, so a profile may refer to defaults.
/// Keys are flattened with ':' (<c>mesh:link:port</c>) and array elements become index children.
/// Loading throws <see cref="ConfigurationException"/> with file, line and column on bad input.
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file (or .json / .properties by extension); includes are relative to it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; relative paths are taken from the current directory.</param>
    /// <param name="optional">When true a missing file adds nothing instead of failing.</param>
    /// <param name="environment">Fallback for substitutions not defined in the document; null uses the process environment.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        return builder.Add(new HoconConfigurationSource(
            path,
            [() => HoconLoader.ParseFile(path, required: !optional)],
            environment ?? System.Environment.GetEnvironmentVariable));
    }

    /// <summary>Adds HOCON text; <paramref name="name"/> appears in errors and provenance. Includes in it find nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON text.</param>
    /// <param name="name">The name used as the file in errors and provenance.</param>
    /// <param name="environment">Fallback for substitutions not defined in the document; null uses the process environment.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string name = "<string>", Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(new HoconConfigurationSource(
            name,
            [() => HoconLoader.ParseString(text, name)],
            environment ?? System.Environment.GetEnvironmentVariable));
    }

    /// <summary>
    /// Adds the node's defaults: the repository's hocon.conf, embedded in this assembly. Every
    /// setting the node reads is defined there. Resolved without environment fallback, so the
    /// defaults are the same on every machine.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconDefaults(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource(
            EmbeddedConfiguration.DefaultsName,
            [() => HoconLoader.ParseString(EmbeddedConfiguration.Defaults, EmbeddedConfiguration.DefaultsName)],
            environment: null));
    }
}
