namespace MeshNode.Config;

/// <summary>One effective configuration value and where it came from.</summary>
/// <param name="Key">The key in configuration form, e.g. <c>mesh:link:port</c>.</param>
/// <param name="Value">The effective value; null for an empty object or array or a HOCON null.</param>
/// <param name="Source">Where the winning value was set: <c>hocon.conf:42:12</c>, <c>environment variable MESHNODE__mesh__link__port</c>, <c>command-line flag --mesh.link.port</c>.</param>
public sealed record ConfigurationSetting(string Key, string? Value, string Source);
