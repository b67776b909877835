namespace MeshNode.Config;

/// <summary>A configuration provider that can say where one of its keys came from (file and line, variable, flag).</summary>
internal interface IConfigurationSourceDescriber
{
    /// <summary>A human-readable source for <paramref name="key"/>, or null when the provider does not hold it.</summary>
    string? DescribeSource(string key);
}
