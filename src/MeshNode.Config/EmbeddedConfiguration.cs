using System.Reflection;

namespace MeshNode.Config;

/// <summary>The repository's hocon.conf and config/*.conf profiles, embedded in the assembly so an installed binary has them.</summary>
internal static class EmbeddedConfiguration
{
    public const string DefaultsName = "hocon.conf";
    private const string DefaultsResource = "MeshNode.Config.hocon.conf";
    private const string ProfilePrefix = "MeshNode.Config.profiles.";

    private static readonly Assembly Assembly = typeof(EmbeddedConfiguration).Assembly;

    public static string Defaults => Read(DefaultsResource)
        ?? throw new InvalidOperationException($"resource {DefaultsResource} is missing from {Assembly.FullName}");

    /// <summary>Profile names (file names without .conf), sorted.</summary>
    public static IReadOnlyList<string> ProfileNames { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ProfilePrefix, StringComparison.Ordinal) && n.EndsWith(".conf", StringComparison.Ordinal))
            .Select(n => n[ProfilePrefix.Length..^".conf".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The text of profile <paramref name="name"/> (with or without .conf), or null.</summary>
    public static string? Profile(string name)
    {
        var bare = name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) ? name[..^".conf".Length] : name;
        return ProfileNames.Contains(bare, StringComparer.Ordinal) ? Read(ProfilePrefix + bare + ".conf") : null;
    }

    private static string? Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
